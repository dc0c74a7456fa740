import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Creating port requests")
struct CreatePortRequestTests {
    @Test("numbers are checked, split by losing carrier and type, and bad ones left out with a reason", arguments: TestBackend.available)
    func createSplits(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(carrier: "granite-telephone", numbers: ["+12175220142", "+12175220143"])
            try service.addSubscriber(carrier: "acme-wireless", numbers: ["+13125550200"], accountNumber: "AW-1", pin: "4321")
            var body = TestService.requestFields(btn: "+12175220142", pin: "4321")
            body["numbers"] = ["(217) 522-0142", "+1 217 522 0143", "+13125550200", "12", "+12175220142"]
            let response = try await service.send(.POST, "/v1/port-requests", auth: auth, json: body)
            #expect(response.status == 201, "\(response.text)")
            let requests = response.json["port_requests"] as? [[String: Any]] ?? []
            #expect(requests.count == 2)
            let carriers = Set(requests.compactMap { ($0["losing_carrier"] as? [String: Any])?["spid"] as? String })
            #expect(carriers == ["7202", "6101"])
            let groups = Set(requests.compactMap { $0["group_id"] as? String })
            #expect(groups == [response.json["group_id"] as? String])
            let excluded = response.json["excluded"] as? [[String: Any]] ?? []
            #expect(Set(excluded.compactMap { $0["reason"] as? String }) == ["too_short", "duplicate"])
            for request in requests {
                #expect(request["status"] as? String == "draft")
                #expect(request["pin_provided"] as? Bool == true)
                #expect(request["pin"] == nil)
            }
            #expect(!response.text.contains("4321"))

            let id = try #require(requests.first?["id"] as? String)
            let read = try await service.send(.GET, "/v1/port-requests/\(id)", auth: auth)
            #expect(read.status == 200)
            #expect(read.json["id"] as? String == id)
        }
    }
}
