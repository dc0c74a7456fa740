import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

@Suite("Submitting port requests")
struct SubmitPortRequestTests {
    @Test("an incomplete request is 422 with every problem at once, and stays a draft", arguments: TestBackend.available)
    func incomplete(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220261"])
            let id = try await service.createOne(auth, numbers: ["+12175220261"], fields: ["subscriber_type": "business"]).id
            let response = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(response.status == 422)
            #expect(response.problemCode == "validation_failed")
            let fields = Set(response.problemFields)
            for field in ["business_name", "authorized_person.name", "service_address", "account_number", "documents.loa",
                          "documents.invoice"] {
                #expect(fields.contains(field), "\(field) missing from \(response.text)")
            }
            #expect(response.problemCodes("documents.loa") == ["loa_missing"])
            #expect(response.problemCodes("documents.invoice") == ["invoice_missing"])
            #expect(response.problemCodes("business_name").contains("required"))
            #expect(try await service.read(auth, id).status == "draft")
        }
    }

    @Test("a complete, matching request is submitted, with its event; submitting again is 409", arguments: TestBackend.available)
    func submitComplete(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220262", "+12175220263"])
            let id = try await service.createOne(auth, numbers: ["+12175220262", "+12175220263"]).id
            try await service.attachPaperwork(auth, requestId: id)
            service.clock.advance(by: 60)

            let response = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.json.status == "submitted")
            #expect(response.json["submitted_at"] as? String == "2027-03-01T15:01:00.000Z")
            #expect(response.json["version"] as? Int == 1)  // the first order is version 1
            #expect((response.json["documents"] as? [Any])?.count == 2)
            #expect(try await service.read(auth, id).status == "submitted")

            let events = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            let changes = events.items.filter { $0["type"] as? String == "status_changed" }
            #expect(changes.count == 1)
            #expect(changes.first?["from"] as? String == "draft")
            #expect(changes.first?["to"] as? String == "submitted")
            #expect(changes.first?["actor"] as? String == "customer")

            let again = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(again.status == 409)
            #expect(again.problemCode == "invalid_status")
            #expect((again.json["detail"] as? String)?.contains("submitted") == true)
        }
    }

    @Test("a resubmission after action_required is the next version", arguments: TestBackend.available)
    func resubmit(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220264"])
            let id = try await service.createOne(auth, numbers: ["+12175220264"]).id
            try await service.attachPaperwork(auth, requestId: id)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth).status == 200)
            let change = StatusChange(from: .submitted, to: .actionRequired)
            #expect(try await service.store.portRequests.transition(id: id, change: change, now: service.clock.now()) != nil)
            let response = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.json.status == "submitted")
            #expect(response.json["version"] as? Int == 2)
        }
    }

    @Test("a wireless carrier's request without the PIN is refused on pin, and passes once the PIN is set",
          arguments: TestBackend.available)
    func wirelessNeedsPIN(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(carrier: "acme-wireless", numbers: ["+13122240261"], accountNumber: "AW-26", pin: "4321")
            let fields = TestService.requestFields(accountNumber: "AW-26", btn: "+13122240261")
            let id = try await service.createOne(auth, numbers: ["+13122240261"], fields: fields).id
            try await service.attachPaperwork(auth, requestId: id)

            let refused = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(refused.status == 422)
            #expect(refused.problemCodes("pin").contains("pin_required"), "\(refused.text)")
            #expect(refused.problemFields.allSatisfy { $0 == "pin" }, "only the PIN is wrong: \(refused.text)")

            let patched = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["pin": "4321"])
            #expect(patched.status == 200)
            let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(submitted.status == 200, "\(submitted.text)")
            #expect(!submitted.text.contains("4321"))
        }
    }

    @Test("an unknown id, or another account's, is 404", arguments: TestBackend.available)
    func notFound(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220265"])
            let id = try await service.createOne(auth, numbers: ["+12175220265"]).id
            try await service.attachPaperwork(auth, requestId: id)
            #expect(try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: other).status == 404)
            #expect(try await service.send(.POST, "/v1/port-requests/pr_none/submit", auth: auth).status == 404)
            #expect(try await service.read(auth, id).status == "draft")
        }
    }
}
