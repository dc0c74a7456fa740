import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// The lifecycle after submit, with the simulated carrier network on the manual clock: each step
/// advances time, lets the network act (`tick`) and runs the jobs that fell due.
@Suite("Lifecycle")
struct LifecycleFlowTests {
    /// Advances in hour steps until `done` holds or `hours` pass; returns the statuses seen.
    @discardableResult
    static func drive(_ service: TestService, auth: Credentials, id: String, hours: Int = 24 * 21,
                      until done: (String) -> Bool) async throws -> [String] {
        var seen: [String] = []
        for _ in 0..<hours {
            try await service.runner.runDue()
            await service.network.tick()
            try await service.runner.runDue()
            let status = try await service.read(auth, id)["status"] as? String ?? "?"
            if seen.last != status { seen.append(status) }
            if done(status) { break }
            service.clock.advance(by: 3600)
        }
        return seen
    }

    @Test("a local request goes from submit to completed: carrier review, losing carrier, FOC, numbers porting then active",
          arguments: TestBackend.available)
    func happyPath(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220301", "+12175220302"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.attachPaperwork(auth, requestId: id)
            let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(submitted.json["status"] as? String == "submitted")

            var provisionedBeforeCompletion = false
            var seen: [String] = []
            for _ in 0..<(24 * 21) {
                try await service.runner.runDue()
                await service.network.tick()
                try await service.runner.runDue()
                let request = try await service.read(auth, id)
                let status = request["status"] as? String ?? "?"
                if seen.last != status { seen.append(status) }
                if status == "foc_confirmed" {
                    let inventory = try await service.send(.GET, "/v1/numbers", auth: auth).items
                    if inventory.count == 2 && inventory.allSatisfy({ $0["status"] as? String == "porting" }) {
                        provisionedBeforeCompletion = true
                    }
                }
                if status == "completed" { break }
                service.clock.advance(by: 3600)
            }
            #expect(seen == ["carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            #expect(provisionedBeforeCompletion)
            let done = try await service.read(auth, id)
            #expect(done["pin_provided"] as? Bool == false)
            #expect(done["completed_at"] is String)
            #expect((done["numbers"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "active" } == true)
            let inventory = try await service.send(.GET, "/v1/numbers?status=active", auth: auth).items
            #expect(Set(inventory.compactMap { $0["number"] as? String }) == Set(numbers))
            let types = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth).items.compactMap { $0["type"] as? String }
            #expect(types.contains("numbers_provisioned"))
        }
    }

    @Test("an address the carrier rejects comes back as action_required with the catalog's reason; the fix goes out as version 2",
          arguments: TestBackend.available)
    func rejectionAndResubmission(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220311"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.attachPaperwork(auth, requestId: id)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth).status == 200)
            // The pre-check passed; the carrier's record changes before it validates (a move, say).
            try service.addSubscriber(numbers: numbers, address: ServiceAddress(houseNumber: "400", street: "Elm Ave", city: "Springfield",
                                                                                 state: "IL", postalCode: "62704"))
            try await Self.drive(service, auth: auth, id: id) { $0 == "action_required" || $0 == "foc_confirmed" }
            let rejected = try await service.read(auth, id)
            #expect(rejected["status"] as? String == "action_required")
            let reasons = rejected["reasons"] as? [[String: Any]] ?? []
            #expect(!reasons.isEmpty)
            #expect(reasons.allSatisfy { ($0["fix_hint"] as? String)?.isEmpty == false && $0["carrier_code"] is String })
            #expect(reasons.contains { ($0["field"] as? String)?.hasPrefix("service_address") == true })

            let fix: [String: Any] = ["service_address": ["house_number": "400", "street": "Elm Ave", "city": "Springfield",
                                                           "state": "IL", "postal_code": "62704", "country": "US"]]
            #expect(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: fix).status == 200)
            let resubmitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(resubmitted.status == 200, "\(resubmitted.text)")
            #expect(resubmitted.json["version"] as? Int == 2)
            let seen = try await Self.drive(service, auth: auth, id: id) { $0 == "completed" || $0 == "action_required" }
            #expect(seen.last == "completed")
        }
    }

    @Test("cancel before the FOC: cancel_requested, then cancelled once the carrier confirms; numbers freed",
          arguments: TestBackend.available)
    func cancelBeforeFOC(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220321"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.attachPaperwork(auth, requestId: id)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth).status == 200)
            try await Self.drive(service, auth: auth, id: id) { $0 == "pending_losing_carrier" }
            let cancel = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth, json: ["reason": "changed our mind"])
            #expect(cancel.status == 200)
            #expect(cancel.json["status"] as? String == "cancel_requested")
            let seen = try await Self.drive(service, auth: auth, id: id) { $0 == "cancelled" }
            #expect(seen.last == "cancelled")
            // The number can be requested again.
            #expect(try await service.create(auth, numbers: numbers).status == 201)
        }
    }

    @Test("signed callbacks: a forged or unsigned one is refused, a duplicate changes nothing, a late verified does not move back",
          arguments: TestBackend.available)
    func callbacks(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220331"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.attachPaperwork(auth, requestId: id)
            let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            let pon = try #require(submitted.json["pon"] as? String)

            func post(_ event: CarrierEvent, secret: String = TestService.callbackSecret) async throws -> TestResponse {
                let body = try CarrierWire.encoder().encode(event)
                let signature = CallbackSignature(secret: secret).header(for: body, at: service.clock.now())
                return try await service.send(.POST, "/v1/carrier/callbacks", body: body, contentType: "application/json",
                                              headers: [(CallbackSignature.headerName, signature)])
            }
            let now = service.clock.now()
            let foc = CarrierEvent(eventId: "ev-foc-1", type: .foc, pon: pon, version: 1, occurredAt: now,
                                   focDate: CivilDate("2027-03-12"))
            #expect(try await post(foc, secret: "wrong").status == 401)
            let unsigned = try await service.send(.POST, "/v1/carrier/callbacks", body: try CarrierWire.encoder().encode(foc),
                                                  contentType: "application/json")
            #expect(unsigned.status == 401)
            #expect(try await service.read(auth, id)["status"] as? String == "submitted")

            // The FOC arrives before the events that precede it: the request walks through the steps.
            let first = try await post(foc)
            #expect(first.json["outcome"] as? String == "applied")
            #expect(try await service.read(auth, id)["status"] as? String == "foc_confirmed")
            #expect(try await service.read(auth, id)["foc_date"] as? String == "2027-03-12")
            #expect(try await post(foc).json["outcome"] as? String == "duplicate")
            let late = CarrierEvent(eventId: "ev-verified-1", type: .verified, pon: pon, version: 1, occurredAt: now)
            #expect(try await post(late).json["outcome"] as? String == "stale")
            #expect(try await service.read(auth, id)["status"] as? String == "foc_confirmed")
            let other = CarrierEvent(eventId: "ev-x", type: .foc, pon: "PI9999999999", version: 1, occurredAt: now,
                                     focDate: CivilDate("2027-03-12"))
            #expect(try await post(other).json["outcome"] as? String == "unknown_order")
        }
    }
}

extension LifecycleFlowTests {
    @Test("within 48 hours of the FOC a cancel is refused with a clear problem, and the request goes on to complete",
          arguments: TestBackend.available)
    func cancelRefusedNearFOC(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220341"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.attachPaperwork(auth, requestId: id)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth).status == 200)
            try await Self.drive(service, auth: auth, id: id) { $0 == "foc_confirmed" }
            let foc = try #require(CivilDate(try await service.read(auth, id)["foc_date"] as? String ?? ""))
            // One day before the port date, at noon Eastern.
            service.clock.set(BusinessCalendar.usFederal.start(of: foc.adding(days: -1)).addingTimeInterval(12 * 3600))
            let refused = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth)
            #expect(refused.status == 409)
            #expect(refused.problemCode == "cancel_window_closed")
            #expect((refused.json["detail"] as? String)?.contains(foc.description) == true)
            #expect(try await service.read(auth, id)["status"] as? String == "foc_confirmed")
            let seen = try await Self.drive(service, auth: auth, id: id) { $0 == "completed" }
            #expect(seen.last == "completed")
        }
    }
}
