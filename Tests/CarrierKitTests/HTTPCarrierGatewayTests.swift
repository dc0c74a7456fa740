import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore
import Testing

/// `HTTPCarrierGateway` against the real simulator server over loopback HTTP: no mocks of the wire.
@Suite("HTTPCarrierGateway over loopback")
struct HTTPCarrierGatewayTests {
    @Test func portabilityAnswersEveryNumberInOrderWithTheLosingCarrier() async throws {
        try await LoopbackSimulator.with { sim in
            let asked = ["+12157830123", "12", "+17737830111", "+13127830142"]
            let response = try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: asked))
            #expect(response.results.map(\.number) == asked)
            let bakery = response.results[0]
            #expect(bakery.portable && bakery.losingCarrier?.spid == "7290" && bakery.numberType == .geographic)
            #expect(response.results[1].reason == "invalid_number")
            #expect(!response.results[2].portable && response.results[2].reason == "disconnected")
            #expect(response.results[3].pinRequired && response.results[3].losingCarrier?.lineType == .wireless)
            // The same answer the engine gives in-process: the wire loses nothing.
            #expect(response == (try await sim.network.checkPortability(PortabilityCheckRequest(numbers: asked))))
        }
    }

    @Test func moreThan20000NumbersIs413TooLarge() async throws {
        try await LoopbackSimulator.with { sim in
            let numbers = (0...PartnerAPI.portabilityLimit).map { "+1215783\(String(format: "%04d", $0 % 10_000))" }
            await #expect(throws: CarrierGatewayError.tooLarge(limit: 20_000)) {
                try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: numbers))
            }
            #expect(sim.server.calls.count(.portability) == 1)
            #expect(sim.waits.recorded.isEmpty)
            let raw = try await sim.post(PartnerAPI.portability, json: #"{"numbers":[\#(numbers.map { "\"\($0)\"" }.joined(separator: ","))]}"#)
            #expect(raw.status == 413 && raw.body.contains(#""limit":20000"#))
        }
    }

    @Test func theCSRIsReleasedOnlyWithAccountNumberAndPIN() async throws {
        try await LoopbackSimulator.with { sim in
            let number = Accounts.mobile.numbers[0]
            await #expect(throws: CarrierGatewayError.self) {
                try await sim.gateway.customerServiceRecord(CSRRequest(number: number))
            }
            do throws(CarrierGatewayError) {
                _ = try await sim.gateway.customerServiceRecord(CSRRequest(number: number, accountNumber: "884422113", pin: "0000"))
                Issue.record("a wrong PIN released the CSR")
            } catch {
                guard case .invalidRequest(let errors) = error else { Issue.record("unexpected \(error)"); return }
                #expect(errors.map(\.code) == ["pin_invalid"] && errors.map(\.field) == ["pin"])
            }
            let csr = try await sim.gateway.customerServiceRecord(
                CSRRequest(number: number, accountNumber: "884422113", pin: Accounts.secretPIN))
            #expect(csr.numbers == [number] && csr.pinOnAccount && csr.lastName == "Public" && csr.losingCarrier.spid == "6101")
            let raw = try await sim.post(PartnerAPI.csr, json: #"{"number":"\#(number)"}"#)
            #expect(raw.status == 403 && raw.body.contains("pin_required"))
        }
    }

    @Test func submitThenTheSameSubmitAgainIsADuplicateOfTheSameOrder() async throws {
        try await LoopbackSimulator.with { sim in
            let order = Accounts.order("PON-HTTP-1", for: Accounts.bakery)
            let first = try await sim.gateway.submit(order)
            let again = try await sim.gateway.submit(order)
            #expect(first.accepted && !first.duplicate && first.errors.isEmpty)
            #expect(again.accepted && again.duplicate && again.orderId == first.orderId)
            #expect(sim.server.calls.count(.submit) == 2)
            let view = try #require(sim.network.order(pon: "PON-HTTP-1"))
            #expect(view.orderId == first.orderId && view.version == 1)
        }
    }

    @Test func aMalformedOrderIsRefusedWithEveryErrorAtOnce() async throws {
        try await LoopbackSimulator.with { sim in
            var order = Accounts.order("PON-HTTP-BAD", for: Accounts.bakery)
            order.businessName = " "
            order.authorizedPerson = AuthorizedPerson(name: "")
            order.serviceAddress?.street = ""
            order.numbers = ["+12157830123", "12"]
            let ack = try await sim.gateway.submit(order)
            #expect(!ack.accepted)
            let fields = Set(ack.errors.compactMap(\.field))
            #expect(fields.isSuperset(of: ["business_name", "authorized_person.name", "service_address.street"]))
            #expect(ack.errors.contains { $0.number == "12" })
        }
    }

    @Test func supplementBumpsTheVersionAndAnUnknownPONIsNotFound() async throws {
        try await LoopbackSimulator.with { sim in
            let first = try await sim.gateway.submit(Accounts.order("PON-HTTP-SUP", for: Accounts.bakery))
            var sup = Accounts.order("PON-HTTP-SUP", for: Accounts.bakery, version: 2)
            sup.supplementType = .dueDate
            sup.desiredDueDate = CivilDate(year: 2025, month: 3, day: 28)
            let ack = try await sim.gateway.supplement(sup)
            #expect(ack.accepted && ack.version == 2 && ack.orderId == first.orderId)
            #expect(sim.network.order(pon: "PON-HTTP-SUP")?.version == 2)
            var unknown = sup
            unknown.pon = "PON/NOPE?"  // path-escaped, and still found to be unknown
            await #expect(throws: CarrierGatewayError.notFound("order PON/NOPE?")) { try await sim.gateway.supplement(unknown) }
        }
    }

    @Test func cancelEndsTheOrder() async throws {
        try await LoopbackSimulator.with { sim in
            _ = try await sim.gateway.submit(Accounts.order("PON-HTTP-CXL", for: Accounts.bakery))
            let ack = try await sim.gateway.cancel(CancelOrder(pon: "PON-HTTP-CXL", version: 2))
            #expect(ack.accepted && ack.version == 2)
            await sim.runSchedule()
            #expect(sim.network.order(pon: "PON-HTTP-CXL")?.status == .cancelled)
            #expect(sim.events.events(pon: "PON-HTTP-CXL").map(\.type).last == .cancelled)
        }
    }

    @Test func activatingBeforeTheFOCDateIs409AndAnError() async throws {
        try await LoopbackSimulator.with { sim in
            _ = try await sim.gateway.submit(Accounts.order("PON-HTTP-ACT", for: Accounts.bakery))
            do throws(CarrierGatewayError) {
                _ = try await sim.gateway.activate(ActivateOrder(pon: "PON-HTTP-ACT"))
                Issue.record("activated before any FOC")
            } catch {
                guard case .invalidRequest(let errors) = error else { Issue.record("unexpected \(error)"); return }
                #expect(!errors.isEmpty)
            }
            let raw = try await sim.post(PartnerAPI.activate("PON-HTTP-ACT"), json: #"{"pon":"PON-HTTP-ACT"}"#)
            #expect(raw.status == 409)
            #expect(sim.server.calls.count(.activate) == 2)
            #expect(sim.waits.recorded.isEmpty)
        }
    }

    @Test func aWrongAPIKeyIsUnauthorizedAndNotRetried() async throws {
        try await LoopbackSimulator.with(apiKey: "wrong-key") { sim in
            await #expect(throws: CarrierGatewayError.unauthorized) {
                try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: ["+12157830123"]))
            }
            #expect(sim.waits.recorded.isEmpty)
            #expect(sim.server.calls.count(.portability) == 0)  // refused before reaching the route
            let raw = try await sim.post(PartnerAPI.portability, json: #"{"numbers":[]}"#, apiKey: "wrong-key")
            #expect(raw.status == 401 && raw.body.contains(#""error":"unauthorized""#))
        }
    }

    /// 4xx answers are final: one call reaches the server and nothing waits to retry.
    @Test(arguments: ["csr-without-pin", "activate-unknown", "too-large", "malformed-json-supplement"])
    func noRetryOn4xx(kind: String) async throws {
        try await LoopbackSimulator.with { sim in
            let operation: PartnerOperation
            do throws(CarrierGatewayError) {
                switch kind {
                case "csr-without-pin":
                    operation = .csr
                    _ = try await sim.gateway.customerServiceRecord(CSRRequest(number: Accounts.mobile.numbers[0]))
                case "activate-unknown":
                    operation = .activate
                    _ = try await sim.gateway.activate(ActivateOrder(pon: "NOPE"))
                case "too-large":
                    operation = .portability
                    _ = try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: Array(repeating: "+12157830123", count: 20_001)))
                default:
                    operation = .supplement
                    _ = try await sim.gateway.supplement(Accounts.order("NOPE", for: Accounts.bakery, version: 2))
                }
                Issue.record("\(kind) succeeded")
                return
            } catch {
                #expect(!error.isRetryable)
            }
            #expect(sim.server.calls.count(operation) == 1)
            #expect(sim.waits.recorded.isEmpty)
        }
    }

    @Test func a5xxForTheFirstCallsIsRetriedAndCreatesOnlyOneOrder() async throws {
        try await LoopbackSimulator.with(maxAttempts: 4) { sim in
            sim.network.setFault(SimulatorFault(routes: ["/v1/orders"], http5xxCount: 2))
            let ack = try await sim.gateway.submit(Accounts.order("PON-HTTP-RETRY", for: Accounts.bakery))
            // Three attempts; the first was handled but its answer lost, so the last one is the duplicate.
            #expect(sim.server.calls.count(.submit) == 3)
            #expect(sim.waits.recorded == [.milliseconds(100), .milliseconds(200)])
            #expect(ack.accepted && ack.duplicate)
            #expect(sim.network.order(pon: "PON-HTTP-RETRY")?.orderId == ack.orderId)
            await sim.runSchedule()
            #expect(sim.events.events(pon: "PON-HTTP-RETRY").filter { $0.type == .received }.count == 1)
        }
    }

    @Test func a5xxOnEveryAttemptEndsUnavailable() async throws {
        try await LoopbackSimulator.with(maxAttempts: 3) { sim in
            sim.network.setFault(SimulatorFault(http5xxCount: 10, httpStatus: 502))
            do throws(CarrierGatewayError) {
                _ = try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: ["+12157830123"]))
                Issue.record("answered through a 502 fault")
            } catch {
                guard case .unavailable(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("HTTP 502") && why.contains("3 attempts"))
            }
            #expect(sim.server.calls.count(.portability) == 3)
            #expect(sim.waits.recorded.count == 2)
        }
    }

    @Test func aSlowCarrierTimesOutOnEveryAttemptAndEndsUnavailable() async throws {
        // A real network timeout needs real time; the margins are wide so a busy CI machine cannot
        // make the unslowed call below time out too.
        try await LoopbackSimulator.with(timeout: .milliseconds(750), maxAttempts: 2) { sim in
            sim.network.setFault(SimulatorFault(numbers: ["+12157830123"], slowMs: 2_500))
            do throws(CarrierGatewayError) {
                _ = try await sim.gateway.checkPortability(PortabilityCheckRequest(numbers: ["+12157830123"]))
                Issue.record("answered despite the slow fault")
            } catch {
                guard case .unavailable(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("timed out") && why.contains("after 2 attempts"), "\(why)")
            }
            // Two attempts with one wait between. The server may not have counted the second call yet
            // when the client gives up on it (a loaded machine), so its count is only bounded here.
            #expect(sim.waits.recorded == [.milliseconds(100)])
            #expect((1...2).contains(sim.server.calls.count(.portability)))
            // Other numbers are not slowed (asked with a patient client, so a loaded machine cannot fail this).
            let patient = HTTPCarrierGateway(configuration: .init(baseURL: sim.server.baseURL, apiKey: LoopbackSimulator.apiKey,
                                                                  timeout: .seconds(30), maxAttempts: 1), client: .shared)
            let fine = try await patient.checkPortability(PortabilityCheckRequest(numbers: ["+17737830112"]))
            #expect(fine.results.count == 1)
        }
    }

    @Test func anUnreachableCarrierIsUnavailableAfterEveryAttempt() async throws {
        let server = try await SimulatorServer.start(gateway: CarrierNetwork(seed: 1, clock: ManualClock(LoopbackSimulator.monday)),
                                                     apiKey: "k")
        let closedURL = server.baseURL
        try await server.shutdown()
        let waits = WaitRecorder()
        let gateway = HTTPCarrierGateway(configuration: .init(baseURL: closedURL + "/", apiKey: "k", timeout: .seconds(2), maxAttempts: 3),
                                         client: .shared, sleep: waits.sleep, jitter: { 0 })
        await #expect(throws: CarrierGatewayError.self) {
            try await gateway.checkPortability(PortabilityCheckRequest(numbers: ["+12157830123"]))
        }
        #expect(waits.recorded == [.milliseconds(100), .milliseconds(200)])  // half of 200 ms, 400 ms with jitter 0
    }

    @Test(arguments: [(1, 1.0, 200), (2, 1.0, 400), (3, 0.0, 400), (4, 0.5, 1200), (10, 1.0, 10_000), (2, 7.0, 400)])
    func backoffIsExponentialCappedAndJittered(attempt: Int, jitter: Double, milliseconds: Int) {
        let configuration = HTTPCarrierGateway.Configuration(baseURL: "http://x", apiKey: "k", backoffBase: .milliseconds(200),
                                                             maxBackoff: .seconds(10))
        #expect(configuration.backoff(afterAttempt: attempt, jitter: jitter) == .milliseconds(milliseconds))
    }

    @Test func idempotencyKeysArePONAndVersion() {
        #expect(PartnerAPI.idempotencyKey(pon: "PON-7", version: 3) == "PON-7-v3")
        #expect(PartnerAPI.cancel("A/B C") == "/v1/orders/A%2FB%20C/cancel")
    }
}
