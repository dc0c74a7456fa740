import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Creating port requests: the split")
struct CreatePortRequestSplitTests {
    @Test("one request per losing carrier and number type, linked by group_id; toll-free gets kind toll_free",
          arguments: TestBackend.available)
    func splitByCarrierAndType(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            try service.addSubscriber(carrier: "granite-telephone", numbers: ["+12175220111", "+12175220112"])
            try service.addSubscriber(carrier: "acme-wireless", numbers: ["+13122240211"], accountNumber: "AW-1", pin: "4321")
            try service.addSubscriber(carrier: "BCN01", numbers: ["+18882440311"], accountNumber: "TF-1")
            try service.addSubscriber(carrier: "TFX02", numbers: ["+18882440312"], accountNumber: "TF-2")
            let numbers = ["+12175220111", "+18882440311", "+13122240211", "+12175220112", "+18882440312"]
            let response = try await service.create(auth, numbers: numbers)
            #expect(response.status == 201, "\(response.text)")
            #expect((response.json["excluded"] as? [Any])?.isEmpty == true)
            let requests = response.portRequests
            #expect(requests.count == 4)
            #expect(requests.map(\.losingSPID) == ["7202", "BCN01", "6101", "TFX02"])
            #expect(requests.map(\.requestNumbers) == [["+12175220111", "+12175220112"], ["+18882440311"], ["+13122240211"],
                                                      ["+18882440312"]])
            #expect(requests.map { $0["kind"] as? String } == ["local", "toll_free", "local", "toll_free"])
            #expect(requests.map { $0["number_type"] as? String } == ["geographic", "toll_free", "geographic", "toll_free"])
            let groupId = try #require(response.json["group_id"] as? String)
            #expect(requests.allSatisfy { $0["group_id"] as? String == groupId })
            #expect(requests.allSatisfy { $0.status == "draft" && $0["account_id"] as? String == account.id })
            #expect(Set(requests.compactMap { $0["pon"] as? String }).count == 4)
            #expect(Set(requests.map(\.id)).count == 4)

            let list = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(Set(list.items.map(\.id)) == Set(requests.map(\.id)))
        }
    }

    @Test("a carrier's numbers beyond the per-request limit are cut into several requests of one group",
          arguments: TestBackend.available)
    func cutAtTheLimit(backend: TestBackend) async throws {
        try await TestService.with(backend, limits: ServiceLimits(maxNumbersPerRequest: 3)) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = (121...127).map { "+12175220\($0)" }
            try service.addSubscriber(carrier: "granite-telephone", numbers: numbers)
            let response = try await service.create(auth, numbers: numbers)
            #expect(response.status == 201, "\(response.text)")
            let requests = response.portRequests
            #expect(requests.map(\.requestNumbers.count) == [3, 3, 1])
            #expect(requests.flatMap(\.requestNumbers) == numbers)
            #expect(requests.allSatisfy { $0.losingSPID == "7202" && $0["kind"] as? String == "local" })
            #expect(Set(requests.compactMap { $0["group_id"] as? String }) == [response.json["group_id"] as? String])
        }
    }

    @Test("bad numbers are left out with a reason and the rest go on", arguments: TestBackend.available)
    func badNumbersLeftOut(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(carrier: "granite-telephone", numbers: ["+12175220131", "+12175220132"])
            try service.addSubscriber(carrier: "spare", numbers: ["+18882440331"], accountNumber: "TF-9")
            _ = try await service.createOne(auth, numbers: ["+12175220132"])
            let response = try await service.create(auth, numbers: ["+12175220131", "+12175220132", "+18882440331", "12"])
            #expect(response.status == 201, "\(response.text)")
            #expect(response.portRequests.map(\.requestNumbers) == [["+12175220131"]])
            let excluded = response.json["excluded"] as? [[String: Any]] ?? []
            #expect(excluded.map { $0["input"] as? String } == ["+12175220132", "+18882440331", "12"])
            #expect(excluded.map { $0["reason"] as? String } == ["already_in_open_request", "toll_free_spare", "too_short"])
            #expect(excluded.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
        }
    }
}
