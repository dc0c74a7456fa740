import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Idempotency-Key on creating port requests")
struct IdempotencyKeyTests {
    static func body(_ numbers: [String], reference: String = "ticket-7") -> [String: Any] {
        var body = TestService.requestFields(btn: numbers[0])
        body["numbers"] = numbers
        body["customer_reference"] = reference
        return body
    }

    @Test("a replay returns the first response with Idempotent-Replayed and creates nothing more", arguments: TestBackend.available)
    func replay(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220281"])
            let key = [("Idempotency-Key", "create-281")]
            let first = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220281"]), headers: key)
            #expect(first.status == 201, "\(first.text)")
            #expect(first.headers.first(name: "Idempotent-Replayed") == nil)
            service.clock.advance(by: 5)

            let second = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220281"]), headers: key)
            #expect(second.status == 201)
            #expect(second.body == first.body)
            #expect(second.contentType == "application/json")
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")

            let list = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(list.items.count == 1)
            #expect(list.items.first?["group_id"] as? String == first.json["group_id"] as? String)

            // Without a key the same body is a new call (and finds the number taken).
            let fresh = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220281"]))
            #expect(fresh.status == 422)
            #expect(fresh.problemCodes("numbers[0]") == ["already_in_open_request"])
        }
    }

    @Test("the same JSON object with its keys in another order is a replay; another value is not",
          arguments: TestBackend.available)
    func keyOrder(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220289"])
            let key = [("Idempotency-Key", "create-289")]
            func post(_ text: String) async throws -> TestResponse {
                try await service.send(.POST, "/v1/port-requests", auth: auth, body: Data(text.utf8), contentType: "application/json",
                                       headers: key)
            }
            let first = try await post(#"{"numbers":["+12175220289"],"customer_reference":"r-1"}"#)
            #expect(first.status == 201, "\(first.text)")
            let reordered = try await post(#"{ "customer_reference": "r-1",  "numbers": [ "+12175220289" ] }"#)
            #expect(reordered.status == 201)
            #expect(reordered.body == first.body)
            #expect(reordered.headers.first(name: "Idempotent-Replayed") == "true")
            let changed = try await post(#"{"numbers":["+12175220289"],"customer_reference":"r-2"}"#)
            #expect(changed.status == 409)
            #expect(changed.problemCode == "idempotency_key_reused")
            #expect(try await service.send(.GET, "/v1/port-requests", auth: auth).items.count == 1)
        }
    }

    @Test("the same key with another body is 409 idempotency_key_reused", arguments: TestBackend.available)
    func reusedKey(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220282", "+12175220283"])
            let key = [("Idempotency-Key", "create-282")]
            let first = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220282"]), headers: key)
            #expect(first.status == 201)
            let other = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220283"]), headers: key)
            #expect(other.status == 409)
            #expect(other.problemCode == "idempotency_key_reused")
            let list = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(list.items.count == 1)
        }
    }

    @Test("a failed call is not stored: the corrected retry under the same key succeeds", arguments: TestBackend.available)
    func failureNotStored(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220284"])
            let key = [("Idempotency-Key", "create-284")]
            var bad = Self.body(["+12175220284"])
            bad["notification_emails"] = ["nope"]
            let failed = try await service.send(.POST, "/v1/port-requests", auth: auth, json: bad, headers: key)
            #expect(failed.status == 422)
            let retried = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220284"]), headers: key)
            #expect(retried.status == 201, "\(retried.text)")
            #expect(retried.headers.first(name: "Idempotent-Replayed") == nil)
            #expect(retried.portRequests.count == 1)
        }
    }

    @Test("keys are per account: another account may use the same key", arguments: TestBackend.available)
    func perAccount(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220285", "+12175220286"])
            let key = [("Idempotency-Key", "shared-key")]
            let mine = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220285"]), headers: key)
            #expect(mine.status == 201)
            let theirs = try await service.send(.POST, "/v1/port-requests", auth: other, json: Self.body(["+12175220286"]), headers: key)
            #expect(theirs.status == 201, "\(theirs.text)")
            #expect(theirs.headers.first(name: "Idempotent-Replayed") == nil)
            #expect(theirs.portRequests.first?.requestNumbers == ["+12175220286"])
            // Even the very same body under the same key is the other account's own call.
            let (_, third) = try await service.makeAccount(name: "Third Co")
            let same = try await service.send(.POST, "/v1/port-requests", auth: third, json: Self.body(["+12175220285"]), headers: key)
            #expect(same.status == 422)
            #expect(same.problemCodes("numbers[0]") == ["already_in_open_request"])
            #expect(try await service.send(.GET, "/v1/port-requests", auth: other).items.count == 1)
            #expect(try await service.send(.GET, "/v1/port-requests", auth: third).items.isEmpty)
        }
    }

    @Test("an over-long key is 422 naming the header", arguments: TestBackend.available)
    func keyLength(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220288"])
            let response = try await service.send(.POST, "/v1/port-requests", auth: auth, json: Self.body(["+12175220288"]),
                                                  headers: [("Idempotency-Key", String(repeating: "k", count: 256))])
            #expect(response.status == 422)
            #expect(response.problemFields == ["Idempotency-Key"])
            #expect(try await service.send(.GET, "/v1/port-requests", auth: auth).items.isEmpty)
        }
    }
}
