import Foundation
import NIOHTTP1
import Testing
@testable import PortInServer

@Suite("Ops routes")
struct OpsRoutesTests {
    @Test("ops list every account's requests, filter by status, number, PON and account, and read any request",
          arguments: TestBackend.available)
    func opsListAndDetail(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (accountA, authA) = try await service.makeAccount(name: "Acme Widgets")
            let (accountB, authB) = try await service.makeAccount(name: "Bravo Bakery")
            try service.addSubscriber(numbers: ["+12175220142"])
            try service.addSubscriber(numbers: ["+12175220150"], accountNumber: "GT-552202")
            try service.addSubscriber(numbers: ["+13122240101"], accountNumber: "GT-552203")
            let a1 = try await service.createRequest(auth: authA, numbers: ["+12175220142"])
            service.clock.advance(by: 1)
            let a2 = try await service.createRequest(auth: authA, numbers: ["+12175220150"])
            service.clock.advance(by: 1)
            let b1 = try await service.createRequest(auth: authB, numbers: ["+13122240101"])
            let (idA1, idA2, idB1) = (try #require(a1["id"] as? String), try #require(a2["id"] as? String), try #require(b1["id"] as? String))
            let cancelled = try await service.send(.POST, "/v1/port-requests/\(idA2)/cancel", auth: authA, json: ["reason": "changed my mind"])
            #expect(cancelled.status == 200, "\(cancelled.text)")

            func ids(_ query: String) async throws -> Set<String> {
                let response = try await service.send(.GET, "/v1/ops/port-requests" + query, auth: ops)
                #expect(response.status == 200, "\(query): \(response.text)")
                return Set((response.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }
            #expect(try await ids("") == [idA1, idA2, idB1])
            #expect(try await ids("?status=draft") == [idA1, idB1])
            #expect(try await ids("?status=cancelled") == [idA2])
            #expect(try await ids("?number=%2B13122240101") == [idB1])
            #expect(try await ids("?number=(217)%20522-0142") == [idA1])
            let pon = try #require(b1["pon"] as? String)
            #expect(try await ids("?pon=\(pon)") == [idB1])
            #expect(try await ids("?account_id=\(accountA.id)") == [idA1, idA2])
            #expect(try await ids("?account_id=\(accountB.id)&status=draft") == [idB1])
            #expect(try await ids("?account_id=\(accountB.id)&status=cancelled") == [])

            let page = try await service.send(.GET, "/v1/ops/port-requests?limit=2", auth: ops)
            #expect((page.json["data"] as? [Any])?.count == 2)
            let cursor = try #require(page.json["next_cursor"] as? String)
            let rest = try await service.send(.GET, "/v1/ops/port-requests?limit=2&cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                                              auth: ops)
            #expect((rest.json["data"] as? [Any])?.count == 1)

            expectProblem(try await service.send(.GET, "/v1/ops/port-requests?status=lost", auth: ops), status: 422, fields: ["status"])
            expectProblem(try await service.send(.GET, "/v1/ops/port-requests?number=12", auth: ops), status: 422, fields: ["number"])

            for (id, accountId) in [(idA1, accountA.id), (idB1, accountB.id)] {
                let detail = try await service.send(.GET, "/v1/ops/port-requests/\(id)", auth: ops)
                #expect(detail.status == 200, "\(detail.text)")
                #expect(detail.json["id"] as? String == id)
                #expect(detail.json["account_id"] as? String == accountId)
                #expect(detail.json["pin"] == nil)
            }
            expectProblem(try await service.send(.GET, "/v1/ops/port-requests/pr_unknown", auth: ops), status: 404, code: "not_found")

            // The ops-only filters do nothing for a customer: account A never sees B's requests.
            for query in ["?account_id=\(accountB.id)", "?pon=\(pon)", "?number=%2B13122240101"] {
                let mine = try await service.send(.GET, "/v1/port-requests" + query, auth: authA)
                #expect(mine.status == 200)
                #expect(!mine.text.contains(idB1), "\(query)")
            }
        }
    }

    @Test("customers get 403 ops_only on ops routes; ops users get 403 on customer routes", arguments: TestBackend.available)
    func rolesAreSeparate(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])

            for path in ["/v1/ops/port-requests", "/v1/ops/port-requests/\(id)", "/v1/ops/port-requests?account_id=x"] {
                expectProblem(try await service.send(.GET, path, auth: auth), status: 403, code: "ops_only")
            }
            let customerCalls: [(HTTPMethod, String, Any?)] = [
                (.GET, "/v1/port-requests", nil),
                (.GET, "/v1/port-requests/\(id)", nil),
                (.PATCH, "/v1/port-requests/\(id)", ["customer_reference": "ops edit"]),
                (.POST, "/v1/port-requests/\(id)/comments", ["body": "from ops"]),
                (.POST, "/v1/port-requests", ["numbers": ["+12175220143"]]),
                (.GET, "/v1/numbers", nil),
                (.POST, "/v1/applications", ["name": "Ops app"]),
            ]
            for (method, path, json) in customerCalls {
                let response = try await service.send(method, path, auth: ops, json: json)
                expectProblem(response, status: 403, code: "customer_credentials_required")
            }
            #expect(try await service.runtime.count("comments") == 0)
            #expect(try await service.runtime.count("applications") == 0)
            let detail = try await service.send(.GET, "/v1/port-requests/\(id)", auth: auth)
            #expect(detail.json["customer_reference"] as? String == "ticket-7")
        }
    }
}
