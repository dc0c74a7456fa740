import CarrierKit
import CarrierSimulator
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// The whole lifecycle with the service and the carrier simulator talking over real HTTP: orders
/// through `HTTPCarrierGateway` to the simulator's partner API, events back as signed callbacks,
/// time on the shared manual clock. Each test checks the statuses walked, the timeline, the
/// inventory and what the carrier received (the simulator's admin view of the order).
@Suite("End to end over HTTP")
struct EndToEndFlowTests {
    /// PortIn's business calendar (day-based schedules such as FOC minus 2 business days).
    static let calendar = BusinessCalendar.usFederal
    static let pin = "G7T-4410-RK"

    @Test("local: carrier review, losing carrier, FOC, numbers porting from FOC-2 business days, completed and active, PIN purged",
          arguments: TestBackend.available)
    func localHappyPath(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220401", "+12175220402"]
            try service.addSubscriber(numbers: numbers, pin: Self.pin)
            let (id, pon) = try await service.createAndSubmit(
                auth, numbers: numbers, fields: TestService.requestFields(btn: numbers[0], pin: Self.pin))
            #expect(try await service.read(auth, id)["pin_provided"] as? Bool == true)

            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            let foc = try #require(CivilDate(walk.last["foc_date"] as? String ?? ""))
            // In the account as `porting` from the start of FOC minus 2 business days (or at once when the
            // FOC arrives later than that), not before; active on the FOC date.
            let porting = try #require(walk.portingSince)
            let focMinus2 = Self.calendar.adding(businessDays: -2, to: foc)
            #expect(porting == max(try #require(walk.firstSeen["foc_confirmed"]), Self.calendar.start(of: focMinus2)))
            #expect(Self.calendar.localDate(of: porting) == focMinus2)
            #expect(Self.calendar.localDate(of: try #require(walk.firstSeen["completed"])) == foc)

            let done = walk.last
            #expect(done["pin_provided"] as? Bool == false)
            #expect(try await service.store.portRequests.revealPIN(id: id) == nil)
            #expect((done["numbers"] as? [[String: Any]])?.map { $0["status"] as? String } == ["active", "active"])
            #expect(try await service.inventory(auth) == [numbers[0]: "active", numbers[1]: "active"])

            #expect(try await service.statusTrail(auth, id)
                == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            // Provisioned once, between the FOC and the completion.
            let events = try await service.timeline(auth, id).items
            #expect(events.filter { $0["type"] as? String == "numbers_provisioned" }.count == 1)
            let provisioned = try #require(events.firstIndex { $0["type"] as? String == "numbers_provisioned" })
            let focIndex = try #require(events.firstIndex { $0["to"] as? String == "foc_confirmed" })
            let completedIndex = try #require(events.firstIndex { $0["to"] as? String == "completed" })
            #expect(focIndex < provisioned && provisioned < completedIndex)

            // What the carrier got and said.
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .activated && order.version == 1 && order.supplementType == nil)
            #expect(order.losingCarrier == "7202" && order.numbers == numbers && Set(order.activatedNumbers) == Set(numbers))
            #expect(order.focDate == foc && order.portingIndicator == .full && order.btn == numbers[0] && order.pinReceived)
            let delivered = try #require(service.callbacks).events(pon: pon).map(\.type)
            #expect(delivered == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
        }
    }

    @Test("wireless: no PIN is refused on `pin` and nothing is sent; a PIN reset at the carrier comes back as pin_invalid; with the right PIN it completes; the PIN never shows",
          arguments: TestBackend.available)
    func wirelessWithPIN(backend: TestBackend) async throws {
        let capture = LogCapture()
        let oldPIN = "W4X-2281-QD", newPIN = "M9V-6604-LB"
        try await TestService.with(backend, carrier: .http, logger: capture.logger) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+13122240111", "+13122240112"]
            try service.addSubscriber(carrier: "acme-wireless", numbers: numbers, accountNumber: "AW-7781", pin: oldPIN)
            let created = try await service.createOne(auth, numbers: numbers,
                                                      fields: TestService.requestFields(accountNumber: "AW-7781", btn: numbers[0]))
            let id = created.id
            let pon = try #require(created["pon"] as? String)
            #expect(created.losingSPID == "6101")
            try await service.attachPaperwork(auth, requestId: id)

            // Acme Wireless wants the PIN on every port: refused before anything reaches the carrier.
            let refused = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            expectProblem(refused, status: 422, code: "validation_failed")
            #expect(refused.problemCodes("pin").contains("pin_required"), "\(refused.text)")
            try await service.runner.runDue()
            #expect(try await service.carrierOrder(pon: pon) == nil)
            #expect(try await service.read(auth, id).status == "draft")

            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["pin": oldPIN]).status == 200)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth).status == 200)
            // The subscriber has the PIN reset before the carrier works the order.
            try service.addSubscriber(carrier: "acme-wireless", numbers: numbers, accountNumber: "AW-7781", pin: newPIN)
            let rejected = try await service.walk(auth, id: id, seen: ["submitted"]) {
                $0.status == "action_required" || $0.status == "foc_confirmed"
            }
            #expect(rejected.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "action_required"])
            let reasons = rejected.last["reasons"] as? [[String: Any]] ?? []
            let pinReason = try #require(reasons.first { $0["field"] as? String == "pin" }, "\(reasons)")
            #expect(pinReason["code"] as? String == "pin_invalid")
            #expect(pinReason["carrier_code"] as? String == "AW-120")
            #expect(pinReason["fix_hint"] as? String == RejectionCatalog.entry(for: .pinInvalid).fixHint)
            let first = try #require(try await service.carrierOrder(pon: pon))
            #expect(first.status == .rejected && first.version == 1 && first.pinReceived)

            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["pin": newPIN]).status == 200)
            let resubmitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(resubmitted.status == 200, "\(resubmitted.text)")
            #expect(resubmitted.json["version"] as? Int == 2)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" || $0.status == "action_required" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .activated && order.version == 2 && order.supplementType == .other && order.pinReceived)
            #expect(walk.last["pin_provided"] as? Bool == false)
            #expect(try await service.inventory(auth, status: "active") == [numbers[0]: "active", numbers[1]: "active"])

            // Neither PIN in any answer, the timeline, or a log line of the service (HTTP gateway included).
            let timeline = try await service.timeline(auth, id).text
            #expect(capture.all.contains { $0.contains("carrier answered") })  // the gateway's lines are in the capture
            let texts = service.responses.map(\.text) + [timeline] + capture.all
            for form in PINSecrecyTests.forms(of: oldPIN) + PINSecrecyTests.forms(of: newPIN) {
                #expect(!texts.contains { $0.contains(form) }, "\(form) leaked")
            }
        }
    }

    @Test("an address mismatch: action_required with the catalog reason on the address, PATCH, resubmit as supplement version 2, FOC, completed",
          arguments: TestBackend.available)
    func addressMismatch(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220421"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            // The pre-check passed; the carrier's record changes before it validates (the customer moved).
            let moved = ServiceAddress(houseNumber: "400", street: "Elm Ave", city: "Springfield", state: "IL", postalCode: "62704")
            try service.addSubscriber(numbers: numbers, address: moved)
            let rejected = try await service.walk(auth, id: id, seen: ["submitted"]) {
                $0.status == "action_required" || $0.status == "foc_confirmed"
            }
            #expect(rejected.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "action_required"])
            let reasons = rejected.last["reasons"] as? [[String: Any]] ?? []
            let address = reasons.filter { $0["code"] as? String == "service_address_mismatch" }
            #expect(!address.isEmpty, "\(reasons)")
            #expect(address.allSatisfy {
                ($0["field"] as? String)?.hasPrefix("service_address.") == true && $0["carrier_code"] as? String == "1002"
                    && $0["fix_hint"] as? String == RejectionCatalog.entry(for: .serviceAddressMismatch).fixHint
            }, "\(address)")
            #expect(Set(address.compactMap { $0["field"] as? String }).isSuperset(of: ["service_address.house_number", "service_address.street"]))
            #expect(reasons.contains { $0["code"] as? String == "zip_mismatch" && $0["field"] as? String == "service_address.postal_code" })
            #expect(try await service.carrierOrder(pon: pon)?.status == .rejected)

            let fix: [String: Any] = ["service_address": ["house_number": "400", "street": "Elm Ave", "city": "Springfield",
                                                           "state": "IL", "postal_code": "62704", "country": "US"]]
            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: fix).status == 200)
            let resubmitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(resubmitted.status == 200, "\(resubmitted.text)")
            #expect(resubmitted.json["version"] as? Int == 2)
            #expect((resubmitted.json["reasons"] as? [Any])?.isEmpty == true)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" || $0.status == "action_required" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            #expect(try await service.statusTrail(auth, id) == [
                "submitted", "carrier_review", "pending_losing_carrier", "action_required",
                "submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed",
            ])
            // The carrier got version 2 as an "other" supplement with the corrected address.
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.version == 2 && order.supplementType == .other && order.status == .activated)
            #expect(order.serviceAddress?.houseNumber == "400" && order.serviceAddress?.street == "Elm Ave"
                && order.serviceAddress?.postalCode == "62704" && order.serviceAddress?.unit == nil)
            #expect(order.events.contains { $0.type == .rejected && $0.version == 1 })
            #expect(order.events.contains { $0.type == .foc && $0.version == 2 })
            #expect(try await service.inventory(auth, status: "active") == [numbers[0]: "active"])
        }
    }

    @Test("partial port: the BTN ported without a new BTN is rejected by the carrier; partial without new_btn is refused on submit; with a new BTN that stays it completes",
          arguments: TestBackend.available)
    func partialPortWithNewBTN(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let account = ["+12175220431", "+12175220432", "+12175220433"]
            let ported = Array(account.prefix(2)), staying = account[2]
            try service.addSubscriber(numbers: account)  // the BTN is the first number
            // Core cannot know numbers stay behind (the BTN is in the request): the carrier does.
            let (id, pon) = try await service.createAndSubmit(auth, numbers: ported)
            let rejected = try await service.walk(auth, id: id, seen: ["submitted"]) {
                $0.status == "action_required" || $0.status == "foc_confirmed"
            }
            #expect(rejected.status == "action_required")
            let reasons = rejected.last["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.allSatisfy { $0["code"] as? String == "partial_port_new_btn_required" && $0["carrier_code"] as? String == "1020" },
                    "\(reasons)")
            #expect(Set(reasons.compactMap { $0["field"] as? String }) == ["partial_port", "new_btn"])

            // Marked partial but still no new BTN: our own validation refuses it now, naming new_btn.
            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["partial_port": true]).status == 200)
            let noNewBTN = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            expectProblem(noNewBTN, status: 422, code: "validation_failed", fields: ["new_btn"])
            #expect(noNewBTN.problemCodes("new_btn") == ["new_btn_required"])
            // A new BTN that is itself being ported is no better.
            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["new_btn": ported[1]]).status == 200)
            let portedNewBTN = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            expectProblem(portedNewBTN, status: 422, code: "validation_failed", fields: ["new_btn"])
            #expect(portedNewBTN.problemCodes("new_btn") == ["new_btn_must_stay"])
            #expect(try await service.carrierOrder(pon: pon)?.version == 1)

            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["new_btn": staying]).status == 200)
            let resubmitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(resubmitted.status == 200, "\(resubmitted.text)")
            #expect(resubmitted.json["version"] as? Int == 2)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" || $0.status == "action_required" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            #expect(walk.last["partial_port"] as? Bool == true && walk.last["new_btn"] as? String == staying)

            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.version == 2 && order.status == .activated && order.numbers == ported)
            #expect(order.portingIndicator == .partial && order.btn == account[0] && order.newBTN == staying)
            // Only the ported numbers joined the account; the new BTN stays with the carrier.
            #expect(try await service.inventory(auth) == [ported[0]: "active", ported[1]: "active"])
            #expect(service.network.describe(number: staying).status == "active")
        }
    }

    @Test("toll-free: a RespOrg change with its own timings (LOA within 30 days, FOC within days), to completed",
          arguments: TestBackend.available)
    func tollFree(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+18882440101", "+18882440102"]
            try service.addSubscriber(carrier: "BCN01", numbers: numbers, accountNumber: "TF-2201")
            let created = try await service.createOne(auth, numbers: numbers)
            let id = created.id
            let pon = try #require(created["pon"] as? String)
            #expect(created["kind"] as? String == "toll_free" && created["number_type"] as? String == "toll_free")
            #expect(created.losingSPID == "BCN01")

            // A toll-free LOA must be dated within 30 days of the RespOrg change.
            let today = CivilDate(TestService.todayText)!
            #expect(try await service.upload(auth, requestId: id, kind: "loa",
                                             fields: [("signed_by", "Jane Roe"), ("signed_on", today.adding(days: -40).description)]).status == 201)
            #expect(try await service.upload(auth, requestId: id, kind: "invoice",
                                             fields: [("invoice_date", today.adding(days: -10).description)]).status == 201)
            let stale = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            expectProblem(stale, status: 422, code: "validation_failed", fields: ["documents.loa"])
            #expect(stale.problemCodes("documents.loa") == ["loa_too_old"])
            #expect(try await service.upload(auth, requestId: id, kind: "loa",
                                             fields: [("signed_by", "Jane Roe"), ("signed_on", today.description)]).status == 201)
            let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(submitted.status == 200, "\(submitted.text)")

            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" || $0.status == "action_required" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"],
                    "\(String(describing: walk.last["reasons"]))")
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.numberType == .tollFree && order.losingCarrier == "BCN01" && order.status == .activated)
            #expect(order.newRespOrg == RespOrg.defaultID)
            // The controlling RespOrg answers within its 2 business days, or is escalated for about 2 more;
            // the change happens the next business day: far sooner than a local port's FOC lead.
            let foc = try #require(CivilDate(walk.last["foc_date"] as? String ?? ""))
            let answered = try #require(walk.firstSeen["foc_confirmed"])
            let escalated = order.events.contains { $0.exceptionCode == "resp_org_escalated" }
            #expect(Self.calendar.businessDays(from: today, to: Self.calendar.localDate(of: answered)) <= (escalated ? 4 : 2))
            #expect(foc == Self.calendar.nextBusinessDay(after: Self.calendar.localDate(of: answered)))
            #expect(Self.calendar.localDate(of: try #require(walk.firstSeen["completed"])) == foc)
            #expect(try await service.inventory(auth, status: "active") == [numbers[0]: "active", numbers[1]: "active"])
            // An escalation moves nothing; it is on the timeline as an alert for the porting team.
            let alerts = try await service.timeline(auth, id).items.filter { $0["type"] as? String == "ops_alert" }
            #expect(alerts.contains { ($0["reason"] as? String)?.hasPrefix("Carrier exception resp_org_escalated") == true } == escalated)
        }
    }
}
