import Foundation
import PortInStore
import Testing
@testable import PortInServer

@Suite("Comments and events")
struct TimelineRoutesTests {
    @Test("customers add and list comments; internal notes stay hidden from them", arguments: TestBackend.available)
    func comments(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])

            let added = try await service.send(.POST, "/v1/port-requests/\(id)/comments", auth: auth,
                                               json: ["body": "  Please port before Friday.  "])
            #expect(added.status == 201, "\(added.text)")
            #expect(added.json["body"] as? String == "Please port before Friday.")
            #expect(added.json["author"] as? String == "customer")
            #expect(added.json["id"] is String)
            service.clock.advance(by: 60)

            _ = try await service.store.comments.add(requestId: id, accountId: account.id, author: .portingTeam, authorId: nil,
                                                     visibility: .internal, body: "Internal: losing carrier is slow this week.",
                                                     now: service.clock.now())
            service.clock.advance(by: 60)
            _ = try await service.store.comments.add(requestId: id, accountId: account.id, author: .portingTeam, authorId: nil,
                                                     visibility: .customer, body: "We will aim for Thursday.", now: service.clock.now())
            service.clock.advance(by: 60)

            let longest = String(repeating: "a", count: 10_000)
            let atLimit = try await service.send(.POST, "/v1/port-requests/\(id)/comments", auth: auth, json: ["body": longest])
            #expect(atLimit.status == 201, "\(atLimit.text)")

            let list = try await service.send(.GET, "/v1/port-requests/\(id)/comments", auth: auth)
            #expect(list.status == 200)
            let comments = list.json["data"] as? [[String: Any]] ?? []
            #expect(comments.compactMap { $0["body"] as? String } == ["Please port before Friday.", "We will aim for Thursday.", longest])
            #expect(comments.compactMap { $0["author"] as? String } == ["customer", "porting_team", "customer"])
            #expect(!list.text.contains("Internal"))
            #expect(!list.text.contains("slow this week"))
            #expect(try await service.runtime.count("comments") == 4)
        }
    }

    @Test("a comment needs a body of at most 10,000 characters", arguments: TestBackend.available)
    func commentProblems(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let path = "/v1/port-requests/\(id)/comments"

            let missing = try await service.send(.POST, path, auth: auth, json: [String: Any]())
            expectProblem(missing, status: 422, code: "validation_failed", fields: ["body"])
            let blank = try await service.send(.POST, path, auth: auth, json: ["body": "   \n "])
            expectProblem(blank, status: 422, code: "validation_failed", fields: ["body"])
            let null = try await service.send(.POST, path, auth: auth, json: ["body": NSNull()])
            expectProblem(null, status: 422, code: "validation_failed", fields: ["body"])
            let number = try await service.send(.POST, path, auth: auth, json: ["body": 42])
            expectProblem(number, status: 422, code: "validation_failed", fields: ["body"])
            let tooLong = try await service.send(.POST, path, auth: auth, json: ["body": String(repeating: "b", count: 10_001)])
            expectProblem(tooLong, status: 422, code: "validation_failed", fields: ["body"])
            #expect(tooLong.json["errors"].flatMap { ($0 as? [[String: Any]])?.first?["code"] as? String } == "too_long")
            let notJSON = try await service.send(.POST, path, auth: auth, body: Data("body=hello".utf8), contentType: "application/json")
            expectProblem(notJSON, status: 422, code: "validation_failed", fields: ["body"])

            let unknown = try await service.send(.POST, "/v1/port-requests/pr_unknown/comments", auth: auth, json: ["body": "hi"])
            expectProblem(unknown, status: 404, code: "not_found")
            #expect(try await service.runtime.count("comments") == 0)
            let events = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            #expect(!events.text.contains("comment_added"))
        }
    }

    @Test("events list created, updated, comment_added and document_added, oldest first", arguments: TestBackend.available)
    func events(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            service.clock.advance(by: 1)
            let patched = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["customer_reference": "ticket-8"])
            #expect(patched.status == 200, "\(patched.text)")
            service.clock.advance(by: 1)
            let comment = try await service.send(.POST, "/v1/port-requests/\(id)/comments", auth: auth, json: ["body": "hello"])
            #expect(comment.status == 201)
            service.clock.advance(by: 1)
            let document = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: ("a.pdf", SampleFiles.pdf()))
            #expect(document.status == 201)

            let response = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            #expect(response.status == 200)
            let events = response.json["data"] as? [[String: Any]] ?? []
            #expect(events.compactMap { $0["type"] as? String } == ["created", "updated", "comment_added", "document_added"])
            #expect(events.first?["to"] as? String == "draft")
            #expect(events.allSatisfy { $0["actor"] as? String == "customer" })
            #expect(Set(events.compactMap { $0["id"] as? String }).count == 4)
            let times = events.compactMap { $0["at"] as? String }
            #expect(times == times.sorted())
            #expect(times.first == APIJSON.timestamp(TestService.start))
        }
    }
}
