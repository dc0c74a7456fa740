import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import CarrierSimulator

@Suite("Portability check") struct PortabilityTests {
    @Test(arguments: [
        ("12", "invalid_number"),
        ("+1 900 234 5678", "not_portable"),
        ("+44 20 7946 0958", "not_portable"),
        ("+17737830111", "disconnected"),
        ("+17737830112", "pending_port"),
        ("+17737830121", "unsupported_rate_center"),
        ("+18882345672", "toll_free_unavailable"),
        ("+18882345679", "toll_free_spare"),
    ])
    func reasons(number: String, reason: String) async throws {
        let sim = try Sim()
        let result = try await sim.network.checkPortability(PortabilityCheckRequest(numbers: [number])).results[0]
        #expect(!result.portable)
        #expect(result.reason == reason)
    }

    @Test func portableNumbersNameTheirCarrierRateCenterAndPINNeed() async throws {
        let sim = try Sim()
        let results = try await sim.network.checkPortability(PortabilityCheckRequest(
            numbers: ["(212) 736-2001", "+13127830142", "+12157830123", "+18882345670"])).results
        #expect(results.map(\.portable) == [true, true, true, true])
        #expect(results[0].number == "+12127362001")
        #expect(results[0].losingCarrier?.spid == "7202")
        #expect(results[0].region == "NY" && results[0].rateCenter?.isEmpty == false)
        #expect(!results[0].simplePort && !results[0].pinRequired)
        #expect(results[1].losingCarrier?.lineType == .wireless && results[1].pinRequired && results[1].simplePort)
        #expect(results[2].simplePort && results[2].losingCarrier?.spid == "7290")
        #expect(results[3].numberType == .tollFree && results[3].respOrg == "TFX02")
    }

    @Test func openOrdersMakeTheirNumbersPendingPort() async throws {
        let sim = try Sim()
        _ = try await sim.network.submit(Sim.order("PON-OPEN", for: Sim.keystone))
        let result = try await sim.network.checkPortability(PortabilityCheckRequest(numbers: ["+12157830123"])).results[0]
        #expect(result.reason == "pending_port")
    }

    @Test func generatedWorldHasEveryReasonInSmallShares() async throws {
        let sim = try Sim(records: [])
        let numbers = (0..<20_000).map { "+1212736\(String(1_000 + $0 % 9_000))" } // 212-736-1000...9999
        let results = try await sim.network.checkPortability(PortabilityCheckRequest(numbers: numbers)).results
        var counts: [String: Int] = [:]
        for r in results { counts[r.reason ?? "portable", default: 0] += 1 }
        #expect(counts["portable", default: 0] > 18_000)
        for reason in ["disconnected", "pending_port"] {
            #expect((1..<1_000).contains(counts[reason, default: 0]), "\(reason): \(counts)")
        }
    }

    @Test func moreThanTwentyThousandIsRefused() async throws {
        let sim = try Sim(records: [])
        await #expect(throws: CarrierGatewayError.tooLarge(limit: 20_000)) {
            try await sim.network.checkPortability(PortabilityCheckRequest(numbers: Array(repeating: "+12127362001", count: 20_001)))
        }
    }

    @Test func twentyThousandNumbersTiming() async throws {
        let sim = try Sim()
        let npas = [212, 312, 415, 713, 305, 206, 617, 404, 303, 602, 800, 888]
        let numbers = (0..<20_000).map { "+1\(npas[$0 % npas.count])\(200 + $0 % 700)\(String(1_000 + $0 % 9_000))" }
        let clock = ContinuousClock()
        var response: PortabilityCheckResponse?
        let elapsed = try await clock.measure {
            response = try await sim.network.checkPortability(PortabilityCheckRequest(numbers: numbers))
        }
        #expect(response?.results.count == 20_000)
        print("portability check of 20,000 numbers (engine, in-process): \(elapsed)")
    }
}

@Suite("CSR release") struct CSRTests {
    @Test func wirelessNeedsAccountNumberAndPIN() async throws {
        let sim = try Sim()
        await #expect(throws: CarrierGatewayError.invalidRequest([
            CarrierError(code: "account_number_required", field: "account_number",
                         message: "Acme Wireless releases a CSR only with the account number."),
            CarrierError(code: "pin_required", field: "pin", message: "Acme Wireless releases a CSR only with the account PIN."),
        ])) { try await sim.network.customerServiceRecord(CSRRequest(number: "+13127830142")) }
        do {
            _ = try await sim.network.customerServiceRecord(CSRRequest(number: "+13127830142", accountNumber: "884422113", pin: "1111"))
            Issue.record("a wrong PIN released the CSR")
        } catch {
            guard case .invalidRequest(let errors) = error else { Issue.record("\(error)"); return }
            #expect(errors.map(\.code) == ["pin_invalid"])
            #expect(!errors.contains { $0.message.contains("4321") })
        }
        let csr = try await sim.network.customerServiceRecord(CSRRequest(number: "+13127830142", accountNumber: "884 422 113", pin: "4321"))
        #expect(csr.lastName == "Public" && csr.pinOnAccount)
        let json = String(decoding: try CarrierWire.encoder().encode(csr), as: UTF8.self)
        #expect(!json.contains("4321"))
    }

    @Test func wirelineReleasesWithTheNumberOrAccountNumberByPolicy() async throws {
        let sim = try Sim()
        let keystone = try await sim.network.customerServiceRecord(CSRRequest(number: "+12157830123"))
        #expect(keystone.businessName == "Pine Bakery" && !keystone.pinOnAccount)
        await #expect(throws: CarrierGatewayError.self) {
            try await sim.network.customerServiceRecord(CSRRequest(number: "+12127362002"))
        }
        let granite = try await sim.network.customerServiceRecord(CSRRequest(number: "+12127362002", accountNumber: "GT-555-0001"))
        #expect(granite.numbers.count == 3 && granite.btn == "+12127362001")
    }

    @Test func disconnectedAndTollFreeNumbersHaveNoCSR() async throws {
        let sim = try Sim()
        for number in ["+17737830111", "+18882345670"] {
            do {
                _ = try await sim.network.customerServiceRecord(CSRRequest(number: number, accountNumber: "LB-1"))
                Issue.record("\(number) released a CSR")
            } catch {
                guard case .notFound = error else { Issue.record("\(error)"); continue }
            }
        }
    }
}
