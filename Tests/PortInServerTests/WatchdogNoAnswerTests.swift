import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// No answer from the carrier for 7 business days: ops are alerted (timeline + `GET /v1/ops/alerts`)
/// and the customer is emailed, once per version. The simulated network is never ticked here, so the
/// carrier says only what a test delivers.
@Suite("Watchdog: no carrier answer")
struct WatchdogNoAnswerTests {
    static func alerts(_ service: TestService, ops: Credentials) async throws -> [[String: Any]] {
        let response = try await service.send(.GET, "/v1/ops/alerts", auth: ops)
        #expect(response.status == 200, "\(response.text)")
        return response.items
    }

    @Test("7 business days counted over a weekend and Memorial Day: nothing the day before or a second early, then one alert and one email",
          arguments: TestBackend.available)
    func firesOnTimeOnce(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (account, auth) = try await service.makeAccount()
            let numbers = ["+12175220401"]
            try service.addSubscriber(numbers: numbers)
            // Thursday 2027-05-27, 10:00 in New York; Monday 31 May is Memorial Day.
            service.clock.set(TestService.instant("2027-05-27T14:00:00Z"))
            let request = try await service.submitToCarrier(auth, numbers: numbers)
            let id = request.id
            // Fri 28, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8: 10:00 on Tuesday 8 June.
            let due = TestService.instant("2027-06-08T14:00:00Z")
            #expect(try await service.jobs(.noCarrierAnswerCheck).map(\.runAt) == [due])

            for early in [TestService.instant("2027-06-07T14:00:00Z"), due.addingTimeInterval(-1)] {
                service.clock.set(early)
                try await service.runner.runDue()
                #expect(try await Self.alerts(service, ops: ops).isEmpty, "\(early)")
                #expect(try await service.outboxEmails(.noCarrierAnswer, request: id).isEmpty)
            }

            service.clock.set(due)
            try await service.runner.runDue()
            let alerts = try await Self.alerts(service, ops: ops)
            #expect(alerts.count == 1)
            let alert = try #require(alerts.first)
            #expect(alert["type"] as? String == "no_carrier_answer")
            #expect(alert["request_id"] as? String == id)
            #expect(alert["account_id"] as? String == account.id)
            #expect(alert["pon"] as? String == request["pon"] as? String)
            #expect(alert["version"] as? Int == 1)
            #expect(alert["status"] as? String == "carrier_review")
            let emails = try await service.outboxEmails(.noCarrierAnswer, request: id)
            #expect(emails.count == 1)
            #expect(emails.first?.to == ["noc@acme.test"])
            #expect(emails.first?.notification.message?.contains("7 business days") == true)
            let timeline = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth).items
            #expect(timeline.filter { $0["type"] as? String == "ops_alert" }.count == 1)

            // Later runs raise nothing more for this version.
            service.clock.set(due.addingTimeInterval(30 * 86_400))
            try await service.runner.runDue()
            #expect(try await Self.alerts(service, ops: ops).count == 1)
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: id).count == 1)
            #expect(try await service.read(auth, id)["status"] as? String == "carrier_review")
        }
    }

    @Test("a carrier event meanwhile restarts the wait; a FOC ends it",
          arguments: TestBackend.available)
    func carrierAnswered(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let quiet = ["+12175220411"], answered = ["+12175220421"]
            try service.addSubscriber(numbers: quiet)
            try service.addSubscriber(numbers: answered, accountNumber: "GT-552211")
            // Monday 2027-03-01 10:00 New York.
            let stale = try await service.submitToCarrier(auth, numbers: quiet)
            let focRequest = try await service.submitToCarrier(auth, numbers: answered, fields: TestService.requestFields(
                accountNumber: "GT-552211", btn: answered[0]))

            // Wednesday: the carrier confirms receipt again (changes nothing) and sends the other one's FOC.
            service.clock.set(TestService.instant("2027-03-03T15:00:00Z"))
            let received = CarrierEvent(eventId: "ev-rcv-1", type: .received, pon: try #require(stale["pon"] as? String), version: 1,
                                        occurredAt: service.clock.now())
            #expect(try await service.deliverCarrierEvent(received) == "stale")
            let foc = CarrierEvent(eventId: "ev-foc-1", type: .foc, pon: try #require(focRequest["pon"] as? String), version: 1,
                                   occurredAt: service.clock.now(), focDate: CivilDate("2027-04-20"))
            #expect(try await service.deliverCarrierEvent(foc) == "applied")

            // The first wait would have ended Wednesday 10 March; it now runs 7 business days from Wednesday 3.
            service.clock.set(TestService.instant("2027-03-10T15:00:00Z"))
            try await service.runner.runDue()
            #expect(try await Self.alerts(service, ops: ops).isEmpty)
            service.clock.set(TestService.instant("2027-03-12T14:59:59Z"))
            try await service.runner.runDue()
            #expect(try await Self.alerts(service, ops: ops).isEmpty)
            service.clock.set(TestService.instant("2027-03-12T15:00:00Z"))
            try await service.runner.runDue()
            let alerts = try await Self.alerts(service, ops: ops)
            #expect(alerts.compactMap { $0["request_id"] as? String } == [stale.id])
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: stale.id).count == 1)
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: focRequest.id).isEmpty)
            #expect(try await service.jobs(.noCarrierAnswerCheck).isEmpty, "no watch left once alerted or answered")
        }
    }

    @Test("after a rejection and a resubmission by ops, version 2 is watched on its own and alerts once more",
          arguments: TestBackend.available)
    func oncePerVersion(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220431"]
            try service.addSubscriber(numbers: numbers)
            let request = try await service.submitToCarrier(auth, numbers: numbers)
            let pon = try #require(request["pon"] as? String)
            service.clock.set(TestService.instant("2027-03-10T15:00:00Z"))
            try await service.runner.runDue()
            #expect(try await Self.alerts(service, ops: ops).count == 1)

            let rejected = CarrierEvent(eventId: "ev-rej-1", type: .rejected, pon: pon, version: 1, occurredAt: service.clock.now(),
                                        errors: [CarrierError(code: "other", message: "Please resend")])
            #expect(try await service.deliverCarrierEvent(rejected) == "applied")
            // The porting team sends it again (the simulated carrier still holds version 1's order,
            // so the customer's own resubmission would fail its portability re-check here).
            let resubmitted = try await service.send(.POST, "/v1/ops/port-requests/\(request.id)/transitions", auth: ops,
                                                     json: ["to": "submitted", "reason": "Resending after the carrier's request"])
            #expect(resubmitted.json["version"] as? Int == 2, "\(resubmitted.text)")
            try await service.runner.runDue()
            // Wednesday 10 March 10:00 + 7 business days: Friday 19 March, 10:00 New York time, which
            // is 14:00 UTC since daylight saving time began on the 14th.
            service.clock.set(TestService.instant("2027-03-19T13:59:59Z"))
            try await service.runner.runDue()
            #expect(try await Self.alerts(service, ops: ops).count == 1)
            service.clock.set(TestService.instant("2027-03-19T14:00:00Z"))
            try await service.runner.runDue()
            let alerts = try await Self.alerts(service, ops: ops)
            #expect(alerts.compactMap { $0["version"] as? Int } == [2, 1], "newest first")
            #expect(try await service.outboxEmails(.noCarrierAnswer, request: request.id).map(\.notification.version) == [1, 2])
        }
    }
}
