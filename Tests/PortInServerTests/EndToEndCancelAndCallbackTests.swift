import CarrierKit
import CarrierSimulator
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// Cancels and carrier callbacks end to end, with the simulator over HTTP on the manual clock.
@Suite("End to end over HTTP: cancels and callbacks")
struct EndToEndCancelAndCallbackTests {
    static let calendar = BusinessCalendar.usFederal
    /// A Monday well after Granite's earliest FOC for an order sent on 2027-03-01, so the days
    /// before it (FOC-2 = Thursday 03-18, the 48 h freeze from Saturday 03-20) are easy to reach.
    static let mondayFOC = CivilDate("2027-03-22")!

    /// The default request fields asking for `mondayFOC`.
    static func fields(btn: String) -> [String: Any] {
        var fields = TestService.requestFields(btn: btn)
        fields["requested_foc_date"] = mondayFOC.description
        return fields
    }

    /// Noon (New York) on `day`.
    static func noon(_ day: CivilDate) -> Date { calendar.start(of: day).addingTimeInterval(12 * 3600) }

    @Test("cancel before the FOC: cancel_requested, cancelled once the carrier confirms (a cancel supplement); numbers freed",
          arguments: TestBackend.available)
    func cancelBeforeFOC(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220441", "+12175220442"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            try await service.walk(auth, id: id) { $0.status == "pending_losing_carrier" }
            let cancel = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth, json: ["reason": "changed our mind"])
            #expect(cancel.status == 200, "\(cancel.text)")
            #expect(cancel.json["status"] as? String == "cancel_requested")
            let walk = try await service.walk(auth, id: id, seen: ["cancel_requested"]) { $0.status != "cancel_requested" }
            #expect(walk.statuses == ["cancel_requested", "cancelled"])
            #expect((walk.last["numbers"] as? [[String: Any]])?.map { $0["status"] as? String } == ["cancelled", "cancelled"])
            #expect(try await service.statusTrail(auth, id)
                == ["submitted", "carrier_review", "pending_losing_carrier", "cancel_requested", "cancelled"])
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .cancelled && order.version == 2 && order.focDate == nil)
            #expect(order.events.last?.type == .cancelled)
            #expect(try await service.inventory(auth).isEmpty)
            // The numbers are free to be requested again.
            #expect(try await service.create(auth, numbers: numbers).status == 201)
        }
    }

    @Test("cancel after the numbers were provisioned (FOC-2) but before the 48 h freeze: cancelled, numbers removed from the account again",
          arguments: TestBackend.available)
    func cancelAfterProvisioning(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220451"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers, fields: Self.fields(btn: numbers[0]))
            let provisioned = try await service.walk(auth, id: id) { $0.portingSince != nil }
            #expect(provisioned.status == "foc_confirmed" && provisioned.last["foc_date"] as? String == Self.mondayFOC.description)
            #expect(Self.calendar.localDate(of: service.clock.now()) == CivilDate("2027-03-18"))
            #expect(try await service.inventory(auth) == [numbers[0]: "porting"])

            let cancel = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth)
            #expect(cancel.status == 200, "\(cancel.text)")
            let walk = try await service.walk(auth, id: id, seen: ["cancel_requested"]) { $0.status != "cancel_requested" }
            #expect(walk.statuses == ["cancel_requested", "cancelled"])
            #expect(try await service.inventory(auth).isEmpty)
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .cancelled && order.version == 2 && order.activatedNumbers.isEmpty)
            // Nothing activates on the old FOC date.
            service.clock.set(Self.noon(Self.mondayFOC))
            await service.network.tick()
            try await service.runner.runDue()
            #expect(try await service.read(auth, id).status == "cancelled")
            #expect(try await service.inventory(auth).isEmpty)
        }
    }

    @Test("within 48 hours of the FOC a cancel is refused with a 409 problem, nothing reaches the carrier, and the port completes",
          arguments: TestBackend.available)
    func cancelRefusedWithin48Hours(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220461"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers, fields: Self.fields(btn: numbers[0]))
            // Saturday noon: 36 hours before the Monday port date.
            let saturday = Self.noon(Self.mondayFOC.adding(days: -2))
            let waited = try await service.walk(auth, id: id, deadline: saturday) { _ in service.clock.now() >= saturday }
            #expect(waited.status == "foc_confirmed" && waited.portingSince != nil)
            let refused = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth, json: ["reason": "too late"])
            expectProblem(refused, status: 409, code: "cancel_window_closed")
            #expect((refused.json["detail"] as? String)?.contains(Self.mondayFOC.description) == true)
            try await service.runner.runDue()
            let request = try await service.read(auth, id)
            #expect(request.status == "foc_confirmed" && request["version"] as? Int == 1)
            #expect(try await service.carrierOrder(pon: pon)?.version == 1)

            let walk = try await service.walk(auth, id: id, seen: ["foc_confirmed"]) { $0.status == "completed" }
            #expect(walk.statuses == ["foc_confirmed", "completed"])
            #expect(Self.calendar.localDate(of: try #require(walk.firstSeen["completed"])) == Self.mondayFOC)
            #expect(!(try await service.statusTrail(auth, id)).contains("cancel_requested"))
            #expect(try await service.inventory(auth) == [numbers[0]: "active"])
        }
    }

    @Test("a cancel the carrier refuses inside its own freeze (the business day before the FOC) goes back to foc_confirmed, and the port completes",
          arguments: TestBackend.available)
    func cancelRefusedByTheCarrier(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220471"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers, fields: Self.fields(btn: numbers[0]))
            // Friday noon: 60 hours out, so our API takes it; the carrier froze the order this morning.
            let friday = Self.noon(Self.mondayFOC.adding(days: -3))
            let waited = try await service.walk(auth, id: id, deadline: friday) { _ in service.clock.now() >= friday }
            #expect(waited.status == "foc_confirmed" && waited.portingSince != nil)
            let cancel = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth)
            #expect(cancel.status == 200, "\(cancel.text)")
            #expect(cancel.json["status"] as? String == "cancel_requested" && cancel.json["version"] as? Int == 2)
            let back = try await service.walk(auth, id: id, seen: ["cancel_requested"]) { $0.status != "cancel_requested" }
            #expect(back.statuses == ["cancel_requested", "foc_confirmed"])
            // Back to the version the carrier holds, saying why; the numbers stay provisioned.
            #expect(back.last["version"] as? Int == 1 && back.last["foc_date"] as? String == Self.mondayFOC.description)
            let reason = try await service.timeline(auth, id).items.last { $0["to"] as? String == "foc_confirmed" }?["reason"] as? String
            #expect(reason?.contains("2027-03-19") == true, "\(String(describing: reason))")
            #expect(try await service.inventory(auth) == [numbers[0]: "porting"])

            let walk = try await service.walk(auth, id: id, seen: ["foc_confirmed"]) { $0.status == "completed" }
            #expect(walk.statuses == ["foc_confirmed", "completed"])
            #expect(Self.calendar.localDate(of: try #require(walk.firstSeen["completed"])) == Self.mondayFOC)
            let order = try #require(try await service.carrierOrder(pon: pon))
            #expect(order.status == .activated && order.version == 1)
            #expect(try await service.inventory(auth) == [numbers[0]: "active"])
            let types = try await service.timeline(auth, id).items.compactMap { $0["type"] as? String }
            #expect(types.filter { $0 == "numbers_provisioned" }.count == 1)
        }
    }

    @Test("duplicated and out-of-order callbacks over HTTP: every event applied once, the late verified moves nothing",
          arguments: TestBackend.available)
    func duplicatedAndOutOfOrderCallbacks(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220481", "+12175220482"]
            try service.addSubscriber(numbers: numbers)
            // Every callback of this order sent twice; `verified` held back until after the FOC.
            service.network.setFault(SimulatorFault(numbers: numbers, duplicateCallbacks: true, outOfOrderCallbacks: true))
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            let walk = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" }
            #expect(walk.statuses == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])

            let delivered = try #require(service.callbacks).events(pon: pon)
            #expect(delivered.map(\.type) == [.received, .received, .sentToLosingCarrier, .sentToLosingCarrier, .foc, .foc,
                                              .verified, .verified, .activated, .activated])
            #expect(stride(from: 0, to: delivered.count, by: 2).allSatisfy { delivered[$0] == delivered[$0 + 1] })
            // The carrier produced them in the usual order; only delivery was shuffled.
            let produced = try #require(try await service.carrierOrder(pon: pon)).events
            #expect(produced.map(\.type) == [.received, .verified, .sentToLosingCarrier, .foc, .activated])

            // Each status once; each event that moved nothing noted once, duplicates not at all.
            #expect(try await service.statusTrail(auth, id)
                == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed", "completed"])
            let items = try await service.timeline(auth, id).items
            let noted = items.filter { $0["type"] as? String == "carrier_event" }.compactMap { $0["reason"] as? String }
            #expect(noted.filter { $0.hasPrefix("verified") }.count == 1, "\(noted)")
            #expect(noted.count == Set(noted).count, "\(noted)")
            #expect(items.filter { $0["type"] as? String == "numbers_provisioned" }.count == 1)
            #expect(walk.last["foc_date"] as? String == produced.first { $0.type == .foc }?.focDate?.description)
            #expect(try await service.inventory(auth) == [numbers[0]: "active", numbers[1]: "active"])
        }
    }

    @Test("a forged callback (wrong secret, tampered body, no signature, replayed too late) is refused with 401 and changes nothing",
          arguments: TestBackend.available)
    func forgedCallbacks(backend: TestBackend) async throws {
        try await TestService.with(backend, carrier: .http) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220491"]
            try service.addSubscriber(numbers: numbers)
            let (id, pon) = try await service.createAndSubmit(auth, numbers: numbers)
            try await service.walk(auth, id: id) { $0.status == "pending_losing_carrier" }
            let before = try await service.read(auth, id)
            let timelineBefore = try await service.timeline(auth, id).items.count

            let foc = CarrierEvent(eventId: "forged-foc-1", type: .foc, pon: pon, version: 1, occurredAt: service.clock.now(),
                                   focDate: CivilDate("2027-03-05"))
            let genuine = try service.signedCallback(foc)
            let wrongSecret = try service.signedCallback(foc, secret: "not-the-secret")
            let tampered = try CarrierWire.encoder().encode(CarrierEvent(
                eventId: "forged-foc-1", type: .foc, pon: pon, version: 1, occurredAt: foc.occurredAt, focDate: CivilDate("2027-03-04")))
            var refusals = [
                try await service.postCallback(body: wrongSecret.body, signature: wrongSecret.signature),
                try await service.postCallback(body: tampered, signature: genuine.signature),
                try await service.postCallback(body: genuine.body, signature: nil),
                try await service.postCallback(body: genuine.body, signature: "t=1,v1=zz"),
            ]
            // A correctly signed callback replayed after the 5-minute window.
            service.clock.advance(by: 301)
            refusals.append(try await service.postCallback(body: genuine.body, signature: genuine.signature))
            for refused in refusals {
                expectProblem(refused, status: 401, code: "invalid_signature")
            }
            let after = try await service.read(auth, id)
            #expect(after.status == "pending_losing_carrier" && after["foc_date"] as? String == nil)
            #expect(after["updated_at"] as? String == before["updated_at"] as? String)
            #expect(try await service.timeline(auth, id).items.count == timelineBefore)
            #expect(try await service.inventory(auth).isEmpty)

            // None of them was recorded, not even its event id: the same event, signed now, applies.
            let resigned = try service.signedCallback(foc)
            let accepted = try await service.postCallback(body: resigned.body, signature: resigned.signature)
            #expect(accepted.status == 200 && accepted.json["outcome"] as? String == "applied", "\(accepted.text)")
            #expect(try await service.read(auth, id)["foc_date"] as? String == "2027-03-05")
        }
    }
}
