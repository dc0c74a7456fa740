import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore
import Testing
@testable import PortInServer

/// Silence and failed activations end to end, with the simulator over HTTP on the manual clock:
/// what the service does when the carrier does not say what it should.
@Suite("End to end over HTTP: silent carriers and activation")
struct EndToEndWatchdogTests {
    static let calendar = BusinessCalendar.usFederal

    static func alerts(_ service: TestService, ops: Credentials) async throws -> [[String: Any]] {
        let response = try await service.send(.GET, "/v1/ops/alerts", auth: ops)
        #expect(response.status == 200, "\(response.text)")
        return response.items
    }

    /// Advances to each next wake-up (job or carrier action) until `found` returns a value.
    static func advance<T>(_ service: TestService, steps: Int = 40, until found: () async throws -> T?) async throws -> T {
        for _ in 0..<steps {
            if let value = try await found() { return value }
            guard let next = try await service.nextWake() else { break }
            service.clock.set(max(next, service.clock.now()))
            try await service.runner.runDue()
            await service.network.tick()
            try await service.runner.runDue()
        }
        if let value = try await found() { return value }
        throw HarnessError("nothing happened after \(steps) steps")
    }

    @Test("the losing carrier never answers: 7 business days after its last word ops are alerted and the customer is emailed, once; the partner's later escalation is an alert too; the request keeps waiting",
          arguments: TestBackend.available)
    func carrierNeverAnswers(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220471"]
            try service.addSubscriber(numbers: numbers)
            service.network.setFault(SimulatorFault(numbers: numbers, noResponse: true))
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            let pending = try await service.walk(auth, id: id) { $0.status == "pending_losing_carrier" }
            let lastWord = try #require(pending.firstSeen["pending_losing_carrier"])
            let due = Self.calendar.instant(addingBusinessDays: Watchdogs.noAnswerBusinessDays, to: lastWord)

            // A second before it is due: silence, no alert, no email.
            let early = due.addingTimeInterval(-1)
            _ = try await service.walk(auth, id: id, deadline: early) { _ in service.clock.now() >= early }
            #expect(try await Self.alerts(service, ops: ops).isEmpty)
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: id).isEmpty)

            _ = try await service.walk(auth, id: id, deadline: due) { _ in service.clock.now() >= due }
            let alerts = try await Self.alerts(service, ops: ops)
            #expect(alerts.map { $0["type"] as? String } == ["no_carrier_answer"])
            #expect(alerts.first?["request_id"] as? String == id && alerts.first?["pon"] as? String == pon)
            let emails = try await service.outboxEmails(.noCarrierAnswer, request: id)
            #expect(emails.count == 1)
            #expect(emails.first?.notification.message?.contains("7 business days") == true)
            #expect(try await service.read(auth, id).status == "pending_losing_carrier")

            // The partner gives up on the losing carrier later and escalates: an alert with its words.
            let escalation = try await Self.advance(service) {
                try await Self.alerts(service, ops: ops).first { $0["type"] as? String == "losing_carrier_no_response" }
            }
            #expect(escalation["version"] as? Int == 1)
            #expect(escalation["status"] as? String == "pending_losing_carrier")
            #expect((escalation["message"] as? String)?.contains("did not answer") == true, "\(escalation)")
            #expect(try await service.carrierOrder(pon: pon)?.status == .noResponse)
            #expect(try await Self.alerts(service, ops: ops).count == 2)
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: id).count == 1, "the customer is told once")
            #expect(try await service.read(auth, id).status == "pending_losing_carrier")
            #expect(try await service.jobs(.noCarrierAnswerCheck).isEmpty, "no watch left once alerted")
            service.expectEveryCallbackDelivered()
        }
    }

    @Test("activation fails at the carrier on the FOC date: ops see the exception, the service asks the carrier to activate at once, and the port completes that day",
          arguments: TestBackend.available)
    func activationFails(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220481", "+12175220482"]
            try service.addSubscriber(numbers: numbers)
            service.network.setScenario(SimulatorScenario(numbers: numbers, outcome: .failActivation))
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            let foc = try #require(CivilDate(walk.last["foc_date"] as? String ?? ""))
            #expect(Self.calendar.localDate(of: try #require(walk.firstSeen["completed"])) == foc)

            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .activated)
            #expect(order.events.map(\.type).suffix(2) == [.exception, .activated])
            let alerts = try await Self.alerts(service, ops: ops)
            #expect(alerts.map { $0["type"] as? String } == ["activation_failed"])
            let timeline = try await service.timeline(auth, id).items
            #expect(timeline.filter { $0["type"] as? String == Watchdogs.activationRequestEventType }.count == 1)
            #expect(try await service.inventory(auth, status: "active") == [numbers[0]: "active", numbers[1]: "active"])
            // A week on, the recheck found it done: nothing queued, no overdue alert, one completion.
            service.clock.set(service.clock.now().addingTimeInterval(7 * 86_400))
            try await service.runner.runDue()
            #expect(try await service.jobs(.activationCheck).isEmpty)
            #expect(try await Self.alerts(service, ops: ops).count == 1)
            #expect(try await service.statusTrail(auth, id).filter { $0 == "completed" }.count == 1)
            service.expectEveryCallbackDelivered()
        }
    }

    @Test("the carrier's activated callback is lost: at the check hour on the FOC date the service asks, the carrier says the numbers are active, and the request completes once",
          arguments: TestBackend.available)
    func activatedCallbackLost(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220491"]
            try service.addSubscriber(numbers: numbers)
            let callbacks = try #require(service.callbacks)
            service.network.setSink(DroppingSink(inner: callbacks) { $0.type == .activated })
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" }
            let foc = try #require(CivilDate(walk.last["foc_date"] as? String ?? ""))
            let checkHour = Self.calendar.start(of: foc).addingTimeInterval(TimeInterval(Watchdogs.activationCheckHour) * 3600)
            #expect(walk.firstSeen["completed"] == checkHour, "completed when the check asked, not before")
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .activated && order.events.contains { $0.type == .activated }, "the carrier did activate")
            let timeline = try await service.timeline(auth, id).items
            #expect(timeline.filter { $0["type"] as? String == "status_changed" && $0["to"] as? String == "completed" }.count == 1)
            #expect(try await service.inventory(auth, status: "active") == [numbers[0]: "active"])
            #expect(try await service.outboxEmails(.completed, request: id).count == 1)
        }
    }

    @Test("a carrier that takes the activation request but never confirms: ops are alerted a business day later, once; a refusal alerts at once",
          arguments: TestBackend.available)
    func activationNeverConfirmed(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let silent = ["+12175220501"], refused = ["+12175220502"]
            try service.addSubscriber(numbers: silent)
            try service.addSubscriber(numbers: refused, accountNumber: "GT-552211")
            func engine(_ answer: ActivationDouble.Answer) -> LifecycleEngine {
                LifecycleEngine(store: service.store, gateway: ActivationDouble(inner: service.network, answer: answer), clock: service.clock,
                                logger: Logger(label: "portin.test.activation"))
            }
            /// Takes a request to its FOC, then to the check hour of its FOC date without ticking the
            /// network (the carrier does nothing on its own from there); returns the check's job.
            func atCheckHour(_ numbers: [String], fields: [String: Any]? = nil) async throws -> (id: String, job: LifecycleJobPayload) {
                let id = try await service.submitToCarrier(auth, numbers: numbers, fields: fields).id
                _ = try await service.walk(auth, id: id) { $0.status == "foc_confirmed" }
                let foc = try #require(CivilDate(try await service.read(auth, id)["foc_date"] as? String ?? ""))
                service.clock.set(Self.calendar.start(of: foc).addingTimeInterval(TimeInterval(Watchdogs.activationCheckHour) * 3600))
                return (id, LifecycleJobPayload(requestId: id, version: 1, focDate: foc))
            }
            func alerts(_ id: String) async throws -> [[String: Any]] {
                try await Self.alerts(service, ops: ops).filter { $0["request_id"] as? String == id }
            }

            let (id, job) = try await atCheckHour(silent)
            let checkHour = service.clock.now()
            try await engine(.accept).checkActivation(job)
            let asked = try await service.timeline(auth, id).items.filter { $0["type"] as? String == Watchdogs.activationRequestEventType }
            #expect(asked.count == 1)
            #expect(try await alerts(id).isEmpty, "asking is not yet a problem")
            let recheck = try await service.jobs(.activationCheck).filter { $0.runAt > checkHour }.map(\.runAt)
            #expect(recheck == [Self.calendar.instant(addingBusinessDays: 1, to: checkHour)])

            service.clock.set(Self.calendar.instant(addingBusinessDays: 1, to: checkHour))
            try await engine(.accept).checkActivation(job)
            try await engine(.accept).checkActivation(job)
            #expect(try await alerts(id).map { $0["type"] as? String } == ["activation_overdue"])
            #expect(try await service.read(auth, id).status == "foc_confirmed", "ops decide; nothing is completed on a guess")

            let other = try await atCheckHour(refused, fields: TestService.requestFields(accountNumber: "GT-552211", btn: refused[0]))
            try await engine(.refuse).checkActivation(other.job)
            // (This one waited long enough on its losing carrier to raise a no-answer alert as well.)
            let refusal = try await alerts(other.id).filter { ($0["type"] as? String)?.hasPrefix("activation") == true }
            #expect(refusal.map { $0["type"] as? String } == ["activation_refused"])
            #expect((refusal.first?["message"] as? String)?.contains("has no FOC date to activate on") == true, "\(refusal)")
        }
    }
}

/// A partner whose activation answer is scripted; everything else goes to the simulated network.
struct ActivationDouble: CarrierGateway {
    enum Answer: Sendable { case accept, refuse }
    let inner: any CarrierGateway
    let answer: Answer

    func activate(_ request: ActivateOrder) async throws(CarrierGatewayError) -> OrderAck {
        switch answer {
        case .accept: return OrderAck(pon: request.pon, version: 1, orderId: "SIM-DOUBLE", accepted: true)
        case .refuse: throw .invalidRequest([CarrierError(code: "no_foc", message: "Order \(request.pon) has no FOC date to activate on.")])
        }
    }

    func checkPortability(_ request: PortabilityCheckRequest) async throws(CarrierGatewayError) -> PortabilityCheckResponse {
        try await inner.checkPortability(request)
    }
    func customerServiceRecord(_ request: CSRRequest) async throws(CarrierGatewayError) -> CSRResponse {
        try await inner.customerServiceRecord(request)
    }
    func submit(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck { try await inner.submit(order) }
    func supplement(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck { try await inner.supplement(order) }
    func cancel(_ request: CancelOrder) async throws(CarrierGatewayError) -> OrderAck { try await inner.cancel(request) }
}

/// Passes events on to `inner` except those `drop` matches: a callback lost on the way.
final class DroppingSink: CarrierEventSink {
    let inner: any CarrierEventSink
    let drop: @Sendable (CarrierEvent) -> Bool

    init(inner: any CarrierEventSink, drop: @escaping @Sendable (CarrierEvent) -> Bool) {
        self.inner = inner
        self.drop = drop
    }

    func deliver(_ event: CarrierEvent) async {
        guard !drop(event) else { return }
        await inner.deliver(event)
    }
}
