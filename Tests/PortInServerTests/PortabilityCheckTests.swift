import CarrierSimulator
import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Portability checks")
struct PortabilityCheckTests {
    static let wireline = "+12175220101"
    static let wireless = "+13122240201"
    static let tollFree = "+18882440301"
    static let spareTollFree = "+18882440302"

    /// Registers a Granite wireline account (rate center named), an Acme Wireless account with a
    /// PIN, a Beacon toll-free number and a spare toll-free number.
    static func registerWorld(_ service: TestService) throws {
        try service.network.addSubscribers([
            SubscriberRecord(carrier: "granite-telephone", accountNumber: "GT-1", businessName: "Acme Widgets LLC",
                             authorizedName: "Jane Roe", serviceAddress: TestService.address,
                             numbers: [wireline, "+12175220102"], rateCenter: "SPRINGFIELD"),
        ])
        try service.addSubscriber(carrier: "acme-wireless", numbers: [wireless], accountNumber: "AW-1", pin: "4321")
        try service.addSubscriber(carrier: "BCN01", numbers: [tollFree], accountNumber: "TF-1")
        try service.addSubscriber(carrier: "spare", numbers: [spareTollFree], accountNumber: "TF-2")
    }

    @Test("every result carries the per-number fields, in input order", arguments: TestBackend.available)
    func perNumberFields(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try Self.registerWorld(service)
            let inputs = [Self.wireline, "(312) 224-0201", Self.tollFree, Self.spareTollFree, "12", "+1 217 522 0101"]
            let response = try await service.send(.POST, "/v1/portability-checks", auth: auth, json: ["numbers": inputs])
            #expect(response.status == 200, "\(response.text)")
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results.map { $0["input"] as? String } == inputs)
            for result in results {
                for key in ["number", "portable", "pin_required", "in_account", "in_open_request"] {
                    #expect(result[key] != nil, "\(key) is required in every result: \(result)")
                }
                #expect(result["in_account"] as? Bool == false)
                #expect(result["in_open_request"] as? Bool == false)
            }

            let wireline = results[0]
            #expect(wireline["number"] as? String == Self.wireline)
            #expect(wireline["portable"] as? Bool == true)
            #expect(wireline["reason"] == nil || wireline["reason"] is NSNull)
            #expect(wireline["number_type"] as? String == "geographic")
            #expect(wireline.losingSPID == "7202")
            #expect((wireline["losing_carrier"] as? [String: Any])?["name"] as? String == "Granite Telephone")
            #expect(wireline["rate_center"] as? String == "SPRINGFIELD")
            #expect(wireline["pin_required"] as? Bool == false)

            let wireless = results[1]
            #expect(wireless["number"] as? String == Self.wireless)
            #expect(wireless["portable"] as? Bool == true)
            #expect(wireless.losingSPID == "6101")
            #expect(wireless["pin_required"] as? Bool == true)
            #expect((wireless["rate_center"] as? String)?.isEmpty == false)

            let tollFree = results[2]
            #expect(tollFree["portable"] as? Bool == true)
            #expect(tollFree["number_type"] as? String == "toll_free")
            #expect(tollFree.losingSPID == "BCN01")

            let spare = results[3]
            #expect(spare["portable"] as? Bool == false)
            #expect(spare["reason"] as? String == "toll_free_spare")
            #expect(spare["number_type"] as? String == "toll_free")

            let invalid = results[4]
            #expect(invalid["portable"] as? Bool == false)
            #expect(invalid["reason"] as? String == "too_short")
            #expect(invalid["number"] is NSNull, "an unparsable number has number: null")
            #expect(invalid["losing_carrier"] == nil || invalid["losing_carrier"] is NSNull)

            let duplicate = results[5]
            #expect(duplicate["portable"] as? Bool == false)
            #expect(duplicate["reason"] as? String == "duplicate")
            #expect(duplicate["number"] as? String == Self.wireline)
        }
    }

    @Test("a number in an open request is in_open_request and not portable", arguments: TestBackend.available)
    func openRequest(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try Self.registerWorld(service)
            _ = try await service.createOne(auth, numbers: [Self.wireline])
            let (_, other) = try await service.makeAccount(name: "Other Co")
            let response = try await service.send(.POST, "/v1/portability-checks", auth: other,
                                                  json: ["numbers": ["217-522-0101", "+12175220102"]])
            #expect(response.status == 200)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results[0]["in_open_request"] as? Bool == true)
            #expect(results[0]["portable"] as? Bool == false)
            #expect(results[0]["reason"] as? String == "already_in_open_request")
            #expect(results[0]["in_account"] as? Bool == false)
            #expect(results[1]["in_open_request"] as? Bool == false)
            #expect(results[1]["portable"] as? Bool == true)
        }
    }

    @Test("a number in an account's inventory is in_account and not portable", arguments: TestBackend.available)
    func inAccount(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            try Self.registerWorld(service)
            try await service.store.numbers.provision(accountId: account.id, numbers: [Self.wireline], portRequestId: "pr_earlier",
                                                      focDate: nil, now: service.clock.now())
            let response = try await service.send(.POST, "/v1/portability-checks", auth: auth,
                                                  json: ["numbers": [Self.wireline, "+12175220102"]])
            #expect(response.status == 200)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results[0]["in_account"] as? Bool == true)
            #expect(results[0]["portable"] as? Bool == false)
            #expect(results[0]["reason"] as? String == "already_in_account")
            #expect(results[0]["in_open_request"] as? Bool == false)
            #expect(results[1]["in_account"] as? Bool == false)
            #expect(results[1]["portable"] as? Bool == true)
        }
    }

    @Test("more than 20,000 numbers, or none, is a 422 naming numbers", arguments: TestBackend.available)
    func sizeLimits(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let tooMany = (0..<20_001).map { "+1217522\(1000 + $0 % 9000)" }
            let over = try await service.send(.POST, "/v1/portability-checks", auth: auth, json: ["numbers": tooMany])
            #expect(over.status == 422)
            #expect(over.contentType == "application/problem+json")
            #expect(over.problemFields == ["numbers"])
            #expect(over.problemCodes("numbers") == ["too_many"])

            for body: [String: Any] in [[:], ["numbers": []], ["numbers": NSNull()], ["numbers": "+12175220101"]] {
                let response = try await service.send(.POST, "/v1/portability-checks", auth: auth, json: body)
                #expect(response.status == 422, "\(body)")
                #expect(response.problemFields == ["numbers"], "\(body): \(response.text)")
            }
        }
    }

    @Test("trial accounts may check portability", arguments: TestBackend.available)
    func trialMayCheck(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, trial) = try await service.makeAccount(name: "Trial Co", plan: .trial)
            try Self.registerWorld(service)
            let response = try await service.send(.POST, "/v1/portability-checks", auth: trial, json: ["numbers": [Self.wireline]])
            #expect(response.status == 200)
            let results = response.json["results"] as? [[String: Any]] ?? []
            #expect(results.count == 1)
            #expect(results.first?["portable"] as? Bool == true)
        }
    }
}
