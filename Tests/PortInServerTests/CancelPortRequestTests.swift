import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

@Suite("Cancelling port requests")
struct CancelPortRequestTests {
    @Test("a draft is cancelled at once, a submitted request asks the carrier, a cancelled one is 409",
          arguments: TestBackend.available)
    func cancelByStatus(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220251", "+12175220252"])
            let draft = try await service.createOne(auth, numbers: ["+12175220251"]).id
            let cancelled = try await service.send(.POST, "/v1/port-requests/\(draft)/cancel", auth: auth,
                                                   json: ["reason": "changed our mind"])
            #expect(cancelled.status == 200, "\(cancelled.text)")
            #expect(cancelled.json.status == "cancelled")
            #expect(try await service.read(auth, draft).status == "cancelled")

            let events = try await service.send(.GET, "/v1/port-requests/\(draft)/events", auth: auth)
            let change = events.items.last { $0["type"] as? String == "status_changed" }
            #expect(change?["from"] as? String == "draft")
            #expect(change?["to"] as? String == "cancelled")
            #expect(change?["reason"] as? String == "changed our mind")

            let again = try await service.send(.POST, "/v1/port-requests/\(draft)/cancel", auth: auth)
            #expect(again.status == 409)
            #expect((again.json["detail"] as? String)?.contains("cancelled") == true)

            let submitted = try await service.createOne(auth, numbers: ["+12175220252"]).id
            _ = try await service.store.portRequests.transition(id: submitted, change: StatusChange(from: .draft, to: .submitted),
                                                                now: service.clock.now())
            let requested = try await service.send(.POST, "/v1/port-requests/\(submitted)/cancel", auth: auth)
            #expect(requested.status == 200, "\(requested.text)")
            #expect(requested.json.status == "cancel_requested")
            #expect(try await service.read(auth, submitted).status == "cancel_requested")
        }
    }

    @Test("a cancelled draft frees its numbers; action_required cancels at once", arguments: TestBackend.available)
    func cancelFreesNumbers(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220253", "+12175220254"])
            let first = try await service.createOne(auth, numbers: ["+12175220253"]).id
            #expect(try await service.send(.POST, "/v1/port-requests/\(first)/cancel", auth: auth).status == 200)
            _ = try await service.createOne(auth, numbers: ["+12175220253"])

            let rejected = try await service.createOne(auth, numbers: ["+12175220254"]).id
            try await service.moveToActionRequired(rejected)
            let response = try await service.send(.POST, "/v1/port-requests/\(rejected)/cancel", auth: auth)
            #expect(response.status == 200)
            #expect(response.json.status == "cancelled")
        }
    }

    @Test("a malformed reason is 422; another account's request is 404", arguments: TestBackend.available)
    func cancelRefused(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220255"])
            let id = try await service.createOne(auth, numbers: ["+12175220255"]).id
            let bad = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth, json: ["reason": 7])
            #expect(bad.status == 422)
            #expect(bad.problemFields == ["reason"])
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: other).status == 404)
            #expect(try await service.read(auth, id).status == "draft")
        }
    }
}
