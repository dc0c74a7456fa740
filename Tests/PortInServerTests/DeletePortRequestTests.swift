import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

@Suite("Deleting port requests")
struct DeletePortRequestTests {
    @Test("a draft is deleted (204, then 404) and its numbers are free again", arguments: TestBackend.available)
    func deleteDraft(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220241"])
            let id = try await service.createOne(auth, numbers: ["+12175220241"]).id
            let deleted = try await service.send(.DELETE, "/v1/port-requests/\(id)", auth: auth)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(try await service.send(.GET, "/v1/port-requests/\(id)", auth: auth).status == 404)
            #expect(try await service.send(.DELETE, "/v1/port-requests/\(id)", auth: auth).status == 404)
            #expect(try await service.send(.GET, "/v1/port-requests", auth: auth).items.isEmpty)
            // The number can be requested again.
            _ = try await service.createOne(auth, numbers: ["+12175220241"])
        }
    }

    @Test("anything but a draft is 409 naming the status; another account's draft is 404", arguments: TestBackend.available)
    func deleteRefused(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220242", "+12175220243", "+12175220244"])
            let rejected = try await service.createOne(auth, numbers: ["+12175220242"]).id
            try await service.moveToActionRequired(rejected)
            let cancelled = try await service.createOne(auth, numbers: ["+12175220243"]).id
            #expect(try await service.send(.POST, "/v1/port-requests/\(cancelled)/cancel", auth: auth).status == 200)
            for (id, status) in [(rejected, "action_required"), (cancelled, "cancelled")] {
                let response = try await service.send(.DELETE, "/v1/port-requests/\(id)", auth: auth)
                #expect(response.status == 409)
                #expect(response.problemCode == "invalid_status")
                #expect((response.json["detail"] as? String)?.contains(status) == true, "\(response.text)")
                #expect(try await service.read(auth, id).status == status)
            }
            let draft = try await service.createOne(auth, numbers: ["+12175220244"]).id
            #expect(try await service.send(.DELETE, "/v1/port-requests/\(draft)", auth: other).status == 404)
            #expect(try await service.read(auth, draft).status == "draft")
        }
    }
}
