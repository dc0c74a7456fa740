import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import CarrierSimulator

@Suite("Orders: form check and idempotency") struct OrderFormTests {
    @Test func malformedOrderListsEveryErrorAtOnce() async throws {
        let sim = try Sim()
        var order = Sim.order("PON-BAD", for: Sim.dental)
        order.version = 2
        order.businessName = " "
        order.authorizedPerson = AuthorizedPerson(name: "")
        order.serviceAddress?.street = ""
        order.serviceAddress?.postalCode = ""
        order.numbers = ["+12127362001", "12", "+12157830123", "+12127362001"]
        let ack = try await sim.network.submit(order)
        #expect(!ack.accepted)
        let found = Set(ack.errors.map { "\($0.code)@\($0.field ?? "")" })
        #expect(found == [
            "version_invalid@version", "supplement_type_required@supplement_type", "required@business_name",
            "required@authorized_person.name", "required@service_address.street", "required@service_address.postal_code",
            "invalid_number@numbers[1]", "losing_carrier_mismatch@numbers[2]", "duplicate_number@numbers[3]",
        ])
        #expect(sim.network.order(pon: "PON-BAD") == nil)
        // Nothing was stored: the corrected order is accepted under the same PON.
        #expect(try await sim.network.submit(Sim.order("PON-BAD", for: Sim.dental)).accepted)
    }

    @Test func tollFreeNeedsAFiveCharacterNewRespOrg() async throws {
        let sim = try Sim()
        var order = Sim.order("PON-TF", for: Sim.tollFree, numbers: ["+18882345670"])
        order.newRespOrg = "AB-1"
        let ack = try await sim.network.submit(order)
        #expect(ack.errors.map(\.code) == ["new_resp_org_invalid"])
    }

    @Test func samePONAndVersionIsADuplicateThatCreatesNothing() async throws {
        let sim = try Sim()
        let first = try await sim.network.submit(Sim.order("PON-1", for: Sim.keystone))
        let again = try await sim.network.submit(Sim.order("PON-1", for: Sim.keystone))
        #expect(first.accepted && !first.duplicate)
        #expect(again.accepted && again.duplicate && again.orderId == first.orderId)
        await sim.run()
        #expect(sim.types("PON-1") == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
        let ids = sim.sink.events.map(\.eventId)
        #expect(Set(ids).count == ids.count)
    }

    @Test func supplementsFollowTheVersionSequence() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-2", for: Sim.keystone))
        var sup = Sim.order("PON-2", for: Sim.keystone, version: 3)
        sup.supplementType = .other
        #expect(try await sim.network.supplement(sup).errors.map(\.code) == ["version_out_of_sequence"])
        sup.version = 2
        #expect(try await sim.network.supplement(sup).accepted)
        #expect(try await sim.network.supplement(sup).duplicate)
        await #expect(throws: CarrierGatewayError.notFound("order NOPE")) {
            try await sim.network.supplement(Sim.order("NOPE", for: Sim.keystone, version: 2))
        }
    }
}

@Suite("Orders: the losing carrier's answer") struct OrderTimelineTests {
    @Test func happyPathReceivedVerifiedSentFocActivated() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-OK", for: Sim.keystone))
        await sim.run()
        let events = sim.sink.events(pon: "PON-OK")
        #expect(events.map(\.type) == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
        let cal = try #require(sim.network.carrier("7290")).calendar
        #expect(events[0].occurredAt == Sim.monday)
        #expect(events[1].occurredAt == Sim.monday.addingTimeInterval(3600))
        let receivedDay = cal.receivedDay(for: events[2].occurredAt)
        let answerDay = cal.localDate(of: events[3].occurredAt)
        #expect((5...7).contains(cal.businessDays(from: receivedDay, to: answerDay)))
        let foc = try #require(events[3].focDate)
        #expect(foc == max(cal.adding(businessDays: 5, to: receivedDay), cal.nextBusinessDay(after: answerDay)))
        #expect(events[3].numbers?.map(\.number) == ["+12157830123"])
        #expect(cal.localDate(of: events[4].occurredAt) == foc)
        #expect(events[4].numbers?.first?.date == foc)
        #expect(sim.network.order(pon: "PON-OK")?.status == .activated)
    }

    @Test func delayIsDrawnDeterministicallyPerPONAndVersion() async throws {
        var days: [Int] = []
        for seed: UInt64 in [1, 1, 2, 3, 4, 5, 6, 7] {
            let sim = try Sim(seed: seed)
            _ = try await sim.network.submit(Sim.order("PON-D", for: Sim.keystone))
            await sim.run()
            let cal = try #require(sim.network.carrier("7290")).calendar
            let foc = try #require(sim.sink.events(pon: "PON-D").first { $0.type == .foc })
            days.append(cal.businessDays(from: cal.localDate(of: Sim.monday), to: cal.localDate(of: foc.occurredAt)))
        }
        #expect(days[0] == days[1])
        #expect(days.allSatisfy { (5...7).contains($0) })
        #expect(Set(days).count > 1)
    }

    @Test func addressAndNameMismatchesAreAllReportedInCarrierCodes() async throws {
        let sim = try Sim()
        var order = Sim.order("PON-ADDR", for: Sim.dental)
        order.serviceAddress?.street = "W 46th St"
        order.serviceAddress?.postalCode = "10037"
        order.businessName = "Harbor Dental Inc"
        order.authorizedPerson = AuthorizedPerson(name: "Maria Lopes")
        order.accountNumber = "GT-555-0002"
        _ = try await sim.network.submit(order)
        await sim.run()
        let rejected = try #require(sim.sink.events(pon: "PON-ADDR").last)
        #expect(rejected.type == .rejected)
        let errors = try #require(rejected.errors)
        #expect(Set(errors.map { "\($0.code)@\($0.field ?? "")" }) == [
            "1002@service_address.street", "1005@service_address.postal_code", "1003@business_name",
            "1004@authorized_person.name", "account_number_invalid@account_number",
        ])
        let ours = Set(errors.map { RejectionCatalog.map(carrierCode: $0.code, carrier: "7202") })
        #expect(ours == [.serviceAddressMismatch, .zipMismatch, .businessNameMismatch, .authorizedNameMismatch, .accountNumberInvalid])
        #expect(sim.network.order(pon: "PON-ADDR")?.status == .rejected)
    }

    @Test(arguments: [("1111", "AW-120"), (nil, "AW-121")])
    func wrongOrMissingPIN(pin: String?, code: String) async throws {
        let sim = try Sim()
        var order = Sim.order("PON-PIN", for: Sim.mobile)
        order.pin = pin
        _ = try await sim.network.submit(order)
        await sim.run()
        let rejected = try #require(sim.sink.events(pon: "PON-PIN").last)
        #expect(rejected.errorCodes == [code])
        #expect(!(rejected.errors ?? []).contains { $0.message.contains("4321") })
    }

    @Test func lenientCarrierIgnoresAMiddleInitialStrictOneDoesNot() async throws {
        let sim = try Sim()
        var order = Sim.order("PON-LEN", for: Sim.keystone)
        order.authorizedPerson = AuthorizedPerson(name: "Ann Q. Lee")
        _ = try await sim.network.submit(order)
        var strict = Sim.order("PON-STR", for: Sim.dental)
        strict.authorizedPerson = AuthorizedPerson(name: "Maria J. Lopez")
        _ = try await sim.network.submit(strict)
        await sim.run()
        #expect(sim.types("PON-LEN").contains(.foc))
        #expect(sim.sink.events(pon: "PON-STR").last?.errorCodes == ["1004"])
    }

    @Test func partialPortRules() async throws {
        let sim = try Sim()
        // The BTN ports, others stay, no new BTN.
        _ = try await sim.network.submit(Sim.order("PON-P1", for: Sim.dental, numbers: ["+12127362001"]))
        // Numbers stay but the indicator says full.
        var full = Sim.order("PON-P2", for: Sim.dental, numbers: ["+12127362002"])
        full.portingIndicator = .full
        _ = try await sim.network.submit(full)
        await sim.run()
        let p1 = try #require(sim.sink.events(pon: "PON-P1").last)
        #expect(p1.errors?.map { "\($0.code)@\($0.field ?? "")" } == ["1020@new_btn"])
        #expect(sim.sink.events(pon: "PON-P2").last?.errors?.map { "\($0.code)@\($0.field ?? "")" } == ["1020@partial_port"])
        // Fixed: a new BTN that stays.
        var fixed = Sim.order("PON-P1", for: Sim.dental, numbers: ["+12127362001"], version: 2)
        fixed.supplementType = .other
        fixed.newBTN = "+12127362003"
        #expect(try await sim.network.supplement(fixed).accepted)
        await sim.run()
        #expect(sim.types("PON-P1").suffix(2) == [.foc, .activated])
    }

    @Test func pendingOrderOnTheAccountAndNumbersOfAnotherAccount() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-PEND", for: Sim.pending))
        var mixed = Sim.order("PON-MIX", for: Sim.flagged, numbers: ["+17737830112", "+17737830121"])
        mixed.portingIndicator = .full
        _ = try await sim.network.submit(mixed)
        await sim.run()
        #expect(sim.sink.events(pon: "PON-PEND").last?.errorCodes == ["pending_order_on_account"])
        let codes = Set(sim.sink.events(pon: "PON-MIX").last?.errorCodes ?? [])
        #expect(codes == ["number_pending_port", "unsupported_rate_center", "number_not_on_account"])
    }

    @Test func focIsTheLaterOfDesiredAndEarliestOnACarrierBusinessDay() async throws {
        // Monday 2025-11-03 09:00 Eastern; asks for Thanksgiving (Thu 2025-11-27).
        let start = Date(timeIntervalSince1970: 1_762_178_400)
        let thanksgiving = CivilDate(year: 2025, month: 11, day: 27)!
        let sim = try Sim(start: start)
        _ = try await sim.network.submit(Sim.order("PON-G", for: Sim.dental, due: thanksgiving))
        _ = try await sim.network.submit(Sim.order("PON-K", for: Sim.keystone, due: thanksgiving))
        _ = try await sim.network.submit(Sim.order("PON-E", for: Sim.mobile, due: CivilDate(year: 2025, month: 11, day: 4)))
        await sim.run()
        func foc(_ pon: String) -> CivilDate? { sim.sink.events(pon: pon).first { $0.type == .foc }?.focDate }
        // Granite also closes the day after Thanksgiving; Keystone does not.
        #expect(foc("PON-G") == CivilDate(year: 2025, month: 12, day: 1))
        #expect(foc("PON-K") == CivilDate(year: 2025, month: 11, day: 28))
        // A desired date before the earliest gives the earliest.
        let acme = try #require(sim.network.carrier("6101")).calendar
        let answer = try #require(sim.sink.events(pon: "PON-E").first { $0.type == .foc })
        let received = acme.receivedDay(for: start.addingTimeInterval(7200))
        #expect(answer.focDate == max(acme.adding(businessDays: 5, to: received),
                                      acme.nextBusinessDay(after: acme.localDate(of: answer.occurredAt))))
    }

    @Test func dueDateSupplementMovesTheFOCWithinTheOrder() async throws {
        let sim = try Sim()
        // Far enough out that the change is not inside the FOC-minus-one-business-day freeze.
        _ = try await sim.network.submit(Sim.order("PON-DD", for: Sim.keystone, due: CivilDate(year: 2025, month: 3, day: 24)))
        let firstFOC = try await focDate(sim, "PON-DD")
        #expect(firstFOC == CivilDate(year: 2025, month: 3, day: 24))
        let later = firstFOC.adding(days: 14)
        var sup = Sim.order("PON-DD", for: Sim.keystone, version: 2, due: later)
        sup.supplementType = .dueDate
        #expect(try await sim.network.supplement(sup).accepted)
        await sim.run()
        let events = sim.sink.events(pon: "PON-DD")
        let v2 = events.filter { $0.version == 2 }.map(\.type)
        #expect(v2 == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
        let cal = try #require(sim.network.carrier("7290")).calendar
        let newFOC = try #require(events.last { $0.type == .foc }?.focDate)
        #expect(newFOC == (cal.isBusinessDay(later) ? later : cal.nextBusinessDay(after: later)))
        #expect(events.filter { $0.type == .activated }.count == 1)
        #expect(cal.localDate(of: events.last!.occurredAt) == newFOC)
        #expect(events.last?.orderId == events.first?.orderId)
    }

    @Test func cancelBeforeTheAnswerAndRefusedInsideTheFOCWindow() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-C", for: Sim.keystone))
        await sim.run(until: Sim.monday.addingTimeInterval(86_400))
        #expect(try await sim.network.cancel(CancelOrder(pon: "PON-C", version: 2)).accepted)
        await sim.run()
        #expect(sim.types("PON-C") == [.received, .verified, .sentToLosingCarrier, .cancelled])
        #expect(try await sim.network.cancel(CancelOrder(pon: "PON-C", version: 2)).duplicate)

        _ = try await sim.network.submit(Sim.order("PON-W", for: Sim.keystone))
        let foc = try await focDate(sim, "PON-W")
        let cal = try #require(sim.network.carrier("7290")).calendar
        sim.clock.set(Sim.instant(cal.previousBusinessDay(before: foc), hour: 9))
        let refused = try await sim.network.cancel(CancelOrder(pon: "PON-W", version: 2))
        #expect(!refused.accepted && refused.errors.map(\.code) == ["foc_window_closed"])
    }

    @Test func activationBeforeTheFOCDateIsRefusedOnTheDateAllowed() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-A", for: Sim.keystone))
        let foc = try await focDate(sim, "PON-A")
        await #expect(throws: CarrierGatewayError.self) {
            try await sim.network.activate(ActivateOrder(pon: "PON-A"))
        }
        sim.clock.set(Sim.instant(foc, hour: 8))
        #expect(try await sim.network.activate(ActivateOrder(pon: "PON-A")).accepted)
        await sim.run()
        let activations = sim.sink.events(pon: "PON-A").filter { $0.type == .activated }
        #expect(activations.count == 1)
        #expect(activations.first?.occurredAt == Sim.instant(foc, hour: 8))
        #expect(try await sim.network.activate(ActivateOrder(pon: "PON-A")).duplicate)
    }

    /// Runs until the order's FOC and returns its date (the activation stays scheduled).
    func focDate(_ sim: Sim, _ pon: String) async throws -> CivilDate {
        while sim.sink.events(pon: pon).last?.type != .foc, let next = sim.network.nextDueDate() {
            sim.clock.set(next)
            await sim.network.tick()
        }
        return try #require(sim.sink.events(pon: pon).last?.focDate)
    }
}

extension Sim {
    /// Eastern wall-clock time on a date (the test carriers' zone).
    static func instant(_ date: CivilDate, hour: Int) -> Date {
        NetworkState.instant(date, hour: hour, in: TimeZone(identifier: "America/New_York")!)
    }
}
