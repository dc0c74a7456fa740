import Foundation
import NIOHTTP1
import Testing
@testable import PortInServer

@Suite("Ops actions: comments")
struct OpsActionsCommentsTests {
    @Test("a customer-visible ops comment reaches the customer's comments, timeline and email; an internal one never does",
          arguments: TestBackend.available)
    func commentVisibility(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let opsId = try #require(try await service.store.users.find(email: "ops@portin.test")?.id)
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220701"])
            let id = try await service.createOne(auth, numbers: ["+12175220701"]).id
            let customerNote = "We called your carrier; the port is on track."
            let internalNote = "Carrier rep Dana says the CSR shows a second BTN; check before resubmitting."

            let shown = try await service.send(.POST, "/v1/ops/port-requests/\(id)/comments", auth: ops,
                                               json: ["body": customerNote, "visibility": "customer"])
            #expect(shown.status == 201, "\(shown.text)")
            #expect(shown.json["author"] as? String == "porting_team")
            #expect(shown.json["author_id"] as? String == opsId)
            #expect(shown.json["visibility"] as? String == "customer")
            let hidden = try await service.send(.POST, "/v1/ops/port-requests/\(id)/comments", auth: ops,
                                                json: ["body": internalNote, "visibility": "internal"])
            #expect(hidden.status == 201, "\(hidden.text)")
            #expect(hidden.json["visibility"] as? String == "internal")

            let customerView = try await service.send(.GET, "/v1/port-requests/\(id)/comments", auth: auth)
            #expect(customerView.items.compactMap { $0["body"] as? String } == [customerNote])
            #expect(customerView.items.first?["author"] as? String == "porting_team")
            #expect(!customerView.text.contains(internalNote))
            let timeline = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            #expect(timeline.items.filter { $0["type"] as? String == "comment_added" }.count == 1)
            #expect(!timeline.text.contains(internalNote))

            let opsView = try await service.send(.GET, "/v1/ops/port-requests/\(id)/comments", auth: ops)
            #expect(opsView.items.compactMap { $0["visibility"] as? String } == ["customer", "internal"])
            let opsTimeline = try await service.send(.GET, "/v1/ops/port-requests/\(id)/events", auth: ops).items
            let added = try #require(opsTimeline.first { $0["type"] as? String == "comment_added" })
            #expect(added["actor"] as? String == "ops")
            #expect(added["actor_id"] as? String == opsId)

            let emails = try await service.outboxEmails(.commentAdded, request: id)
            #expect(emails.count == 1)
            #expect(emails.first?.notification.comment == customerNote)
            #expect(emails.first?.to == ["noc@acme.test"])
            let everyEmail = try await service.outboxEmails()
            #expect(!everyEmail.contains { $0.notification.comment == internalNote || $0.notification.message == internalNote })

            // A customer's own comment is not sent back to them.
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/comments", auth: auth, json: ["body": "Thanks!"]).status == 201)
            #expect(try await service.outboxEmails(.commentAdded, request: id).count == 1)
        }
    }

    @Test("bad comment bodies name every field; unknown requests are 404; customers get 403", arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220711"])
            let id = try await service.createOne(auth, numbers: ["+12175220711"]).id
            let path = "/v1/ops/port-requests/\(id)/comments"
            expectProblem(try await service.send(.POST, path, auth: ops, json: [String: Any]()), status: 422, code: "validation_failed",
                          fields: ["body", "visibility"])
            expectProblem(try await service.send(.POST, path, auth: ops, json: ["body": "  ", "visibility": "public"]), status: 422,
                          fields: ["body", "visibility"])
            expectProblem(try await service.send(.POST, path, auth: ops, json: ["body": String(repeating: "x", count: 10_001),
                                                                               "visibility": "customer"]),
                          status: 422, fields: ["body"])
            expectProblem(try await service.send(.POST, "/v1/ops/port-requests/pr_unknown/comments", auth: ops,
                                                 json: ["body": "hi", "visibility": "customer"]),
                          status: 404, code: "not_found")
            expectProblem(try await service.send(.GET, "/v1/ops/port-requests/pr_unknown/comments", auth: ops), status: 404)
            expectProblem(try await service.send(.GET, "/v1/ops/port-requests/pr_unknown/events", auth: ops), status: 404)
            let customerCalls: [(HTTPMethod, String, Any?)] = [
                (.POST, path, ["body": "x", "visibility": "customer"]), (.GET, path, nil), (.GET, "/v1/ops/port-requests/\(id)/events", nil),
            ]
            for (method, route, json) in customerCalls {
                expectProblem(try await service.send(method, route, auth: auth, json: json), status: 403, code: "ops_only")
            }
            #expect(try await service.runtime.count("comments") == 0)
            #expect(try await service.outboxEmails(.commentAdded, request: id).isEmpty)
        }
    }
}
