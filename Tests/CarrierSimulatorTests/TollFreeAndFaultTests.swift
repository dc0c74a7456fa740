import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import CarrierSimulator

@Suite("Toll-free RespOrg changes") struct TollFreeTests {
    @Test func approvedWithinTwoBusinessDaysOrEscalatedThenAnswered() async throws {
        let sim = try Sim()
        let pons = (1...30).map { "PON-TF\($0)" }
        for pon in pons {
            #expect(try await sim.network.submit(Sim.order(pon, for: Sim.tollFree, numbers: ["+18882345670", "+18882345671"])).accepted)
        }
        await sim.run()
        let cal = BusinessCalendar.usFederal
        var direct = 0, escalated = 0
        for pon in pons {
            let events = sim.sink.events(pon: pon)
            let sent = try #require(events.first { $0.type == .sentToLosingCarrier })
            let foc = try #require(events.first { $0.type == .foc })
            let received = cal.receivedDay(for: sent.occurredAt)
            if let escalation = events.first(where: { $0.exceptionCode == "resp_org_escalated" }) {
                escalated += 1
                #expect(events.map(\.type) == [.received, .verified, .sentToLosingCarrier, .exception, .foc, .activated])
                #expect(cal.businessDays(from: received, to: cal.localDate(of: escalation.occurredAt)) == 2)
                #expect(cal.businessDays(from: cal.localDate(of: escalation.occurredAt), to: cal.localDate(of: foc.occurredAt)) == 2)
            } else {
                direct += 1
                #expect(events.map(\.type) == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
                #expect((1...2).contains(cal.businessDays(from: received, to: cal.localDate(of: foc.occurredAt))))
            }
            #expect(foc.focDate == cal.nextBusinessDay(after: cal.localDate(of: foc.occurredAt)))
            #expect(cal.localDate(of: events.last!.occurredAt) == foc.focDate)
        }
        #expect(direct > 0 && escalated > 0)
    }

    @Test func denialsForSpareUnavailableAndLOA() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-SP", for: Sim.tollFree, numbers: ["+18882345679", "+18882345672"]))
        sim.network.setScenario(SimulatorScenario(numbers: ["+18882345671"], outcome: .reject(codes: ["resporg_loa_denied"])))
        _ = try await sim.network.submit(Sim.order("PON-LOA", for: Sim.tollFree, numbers: ["+18882345671"]))
        await sim.run()
        #expect(sim.sink.events(pon: "PON-SP").last?.errorCodes == ["resporg_number_spare", "resporg_number_unavailable"])
        let loa = try #require(sim.sink.events(pon: "PON-LOA").last)
        #expect(loa.errorCodes == ["resporg_loa_denied"] && loa.errors?.first?.field == "documents.loa")
    }
}

@Suite("Faults and scenarios") struct FaultScenarioTests {
    @Test func noResponseRaisesAnExceptionAfterTheLongestResponseTime() async throws {
        let sim = try Sim()
        sim.network.setFault(SimulatorFault(carrier: "keystone-digital", noResponse: true))
        _ = try await sim.network.submit(Sim.order("PON-NR", for: Sim.keystone))
        _ = try await sim.network.submit(Sim.order("PON-OTHER", for: Sim.mobile))
        await sim.run()
        let events = sim.sink.events(pon: "PON-NR")
        #expect(events.map(\.type) == [.received, .verified, .sentToLosingCarrier, .exception])
        let cal = try #require(sim.network.carrier("7290")).calendar
        #expect(events.last?.exceptionCode == "losing_carrier_no_response")
        #expect(cal.businessDays(from: cal.localDate(of: Sim.monday), to: cal.localDate(of: events[3].occurredAt)) == 8)
        #expect(sim.network.order(pon: "PON-NR")?.status == .noResponse)
        #expect(sim.types("PON-OTHER").contains(.foc))
    }

    @Test func duplicatedCallbacksDeliverEveryEventTwice() async throws {
        let sim = try Sim()
        sim.network.setFault(SimulatorFault(numbers: ["+12157830123"], duplicateCallbacks: true))
        _ = try await sim.network.submit(Sim.order("PON-DUP", for: Sim.keystone))
        await sim.run()
        let delivered = sim.sink.events(pon: "PON-DUP")
        let emitted = try #require(sim.network.order(pon: "PON-DUP")).events
        #expect(delivered.count == 2 * emitted.count)
        #expect(delivered.map(\.eventId) == emitted.flatMap { [$0.eventId, $0.eventId] })
    }

    @Test func outOfOrderCallbacksDeliverVerifiedAfterTheAnswer() async throws {
        let sim = try Sim()
        sim.network.setFault(SimulatorFault(carrier: "7290", outOfOrderCallbacks: true))
        _ = try await sim.network.submit(Sim.order("PON-OOO", for: Sim.keystone))
        await sim.run()
        #expect(sim.types("PON-OOO") == [.received, .sentToLosingCarrier, .foc, .verified, .activated])
        sim.network.clearFaults()
        _ = try await sim.network.submit(Sim.order("PON-INORDER", for: Sim.mobile))
        await sim.run()
        #expect(sim.types("PON-INORDER") == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
    }

    @Test func httpFaultsByCountRateSlownessScopeAndRoute() throws {
        let sim = try Sim()
        #expect(sim.network.httpFault(for: "/v1/orders", numbers: []) == nil)
        sim.network.setFault(SimulatorFault(carrier: "7202", routes: ["/v1/orders"], http5xxCount: 2))
        #expect(sim.network.httpFault(for: "/v1/orders", numbers: ["+12157830123"]) == nil)
        #expect(sim.network.httpFault(for: "/v1/csr", numbers: ["+12127362001"]) == nil)
        #expect(sim.network.httpFault(for: "/v1/orders", numbers: ["+12127362001"])?.status == 503)
        #expect(sim.network.httpFault(for: "/v1/orders/P/supplements", numbers: ["+12127362001"])?.status == 503)
        #expect(sim.network.httpFault(for: "/v1/orders", numbers: ["+12127362001"]) == nil)
        sim.network.clearFaults()
        sim.network.setFault(SimulatorFault(http5xxRate: 0.5, httpStatus: 500, slowMs: 250))
        let faults = (0..<200).map { _ in sim.network.httpFault(for: "/v1/portability", numbers: []) }
        #expect(faults.allSatisfy { $0?.delayMilliseconds == 250 })
        let failures = faults.count { $0?.status == 500 }
        #expect((60...140).contains(failures))
        // The same seed draws the same failures.
        let again = try Sim()
        again.network.setFault(SimulatorFault(http5xxRate: 0.5, httpStatus: 500, slowMs: 250))
        #expect((0..<200).map { _ in again.network.httpFault(for: "/v1/portability", numbers: []) } == faults)
    }

    @Test func forcedRejectionCodes() async throws {
        let sim = try Sim()
        sim.network.setScenario(SimulatorScenario(numbers: ["2157830123"], outcome: .reject(codes: ["invoice_too_old", "LOA_UNSIGNED"])))
        _ = try await sim.network.submit(Sim.order("PON-X", for: Sim.keystone))
        await sim.run()
        let rejected = try #require(sim.sink.events(pon: "PON-X").last)
        #expect(rejected.type == .rejected && rejected.errorCodes == ["invoice_too_old", "LOA_UNSIGNED"])
        #expect(rejected.errors?.allSatisfy { $0.number == "+12157830123" } == true)
    }

    @Test func forcedDelayAddsBusinessDays() async throws {
        func answerDay(_ scenario: SimulatorScenario?) async throws -> Int {
            let sim = try Sim()
            if let scenario { sim.network.setScenario(scenario) }
            _ = try await sim.network.submit(Sim.order("PON-DL", for: Sim.keystone))
            await sim.run()
            let cal = try #require(sim.network.carrier("7290")).calendar
            let foc = try #require(sim.sink.events(pon: "PON-DL").first { $0.type == .foc })
            return cal.businessDays(from: cal.localDate(of: Sim.monday), to: cal.localDate(of: foc.occurredAt))
        }
        let plain = try await answerDay(nil)
        let delayed = try await answerDay(SimulatorScenario(numbers: ["+12157830123"], outcome: .delay(businessDays: 4)))
        #expect(delayed == plain + 4)
    }

    @Test func failedActivationThenActivateOnDemand() async throws {
        let sim = try Sim()
        sim.network.setScenario(SimulatorScenario(numbers: ["+12157830123"], outcome: .failActivation))
        _ = try await sim.network.submit(Sim.order("PON-FA", for: Sim.keystone))
        await sim.run()
        let last = try #require(sim.sink.events(pon: "PON-FA").last)
        #expect(last.type == .exception && last.exceptionCode == "activation_failed")
        #expect(sim.network.order(pon: "PON-FA")?.status == .activationFailed)
        #expect(try await sim.network.activate(ActivateOrder(pon: "PON-FA")).accepted)
        await sim.run()
        #expect(sim.types("PON-FA").last == .activated)
        #expect(sim.network.order(pon: "PON-FA")?.activatedNumbers == ["+12157830123"])
    }

    @Test func scenariosAndFaultsDecodeFromTheAdminJSON() throws {
        let decoder = JSONDecoder()
        let reject = try decoder.decode(SimulatorScenario.self, from: Data(#"{"numbers":["+12157830123"],"outcome":"reject","codes":["1002"]}"#.utf8))
        #expect(reject.outcome == .reject(codes: ["1002"]))
        let delay = try decoder.decode(SimulatorScenario.self, from: Data(#"{"numbers":[],"outcome":"delay","business_days":3}"#.utf8))
        #expect(delay.outcome == .delay(businessDays: 3))
        #expect(throws: DecodingError.self) {
            try decoder.decode(SimulatorScenario.self, from: Data(#"{"numbers":[],"outcome":"explode"}"#.utf8))
        }
        let fault = try decoder.decode(SimulatorFault.self, from: Data(#"{"carrier":"7202","http_5xx_count":2,"duplicate_callbacks":true}"#.utf8))
        #expect(fault == SimulatorFault(carrier: "7202", http5xxCount: 2, duplicateCallbacks: true))
        let roundTrip = try decoder.decode(SimulatorScenario.self, from: JSONEncoder().encode(reject))
        #expect(roundTrip == reject)
    }
}
