import Foundation
import NIOHTTP1
import PortInStore
import Testing
import Yams
@testable import PortInServer

/// Registering and managing webhook endpoints through the API.
@Suite("Webhook endpoints")
struct WebhookRoutesTests {
    static var hook: [String: Any] { ["url": "https://hooks.acme.test/portin", "events": ["port_request.completed"],
                                      "description": "production"] }

    @Test("registration reports every problem at once, by field and rule", arguments: TestBackend.available)
    func validation(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let bad: [String: Any] = ["url": "ftp://files.acme.test/in", "events": ["port_request.completed", "port_request.exploded", 7],
                                      "description": String(repeating: "d", count: 501), "enabled": "yes"]
            let response = try await service.send(.POST, "/v1/webhooks", auth: auth, json: bad)
            expectProblem(response, status: 422, code: "validation_failed",
                          fields: ["url", "events[2]", "description", "enabled"])
            #expect(response.problemCodes("url") == ["invalid_url"])
            #expect(response.problemCodes("events[2]") == ["invalid_type"])
            #expect(response.problemCodes("description") == ["too_long"])

            // Unknown event names are reported each by index (with the types right).
            let unknown = try await service.send(.POST, "/v1/webhooks", auth: auth,
                                                 json: ["url": "https://u:p@hooks.acme.test/x#frag",
                                                        "events": ["port_request.exploded", "*", "completed"]])
            expectProblem(unknown, status: 422, fields: ["url", "events[0]", "events[2]"])
            #expect(Set(unknown.problemCodes("url")) == ["credentials_not_allowed", "fragment_not_allowed"])
            #expect(unknown.problemCodes("events[0]") == ["unknown_event"])

            let empty = try await service.send(.POST, "/v1/webhooks", auth: auth, json: [String: Any]())
            expectProblem(empty, status: 422, fields: ["url", "events"])
            #expect(empty.problemCodes("url") == ["required"])
            #expect(empty.problemCodes("events") == ["required"])
            expectProblem(try await service.send(.POST, "/v1/webhooks", auth: auth, json: ["url": "https://a.test/", "events": [String]()]),
                          status: 422, fields: ["events"])
            expectProblem(try await service.send(.POST, "/v1/webhooks", auth: auth, json: ["url": "/relative", "events": ["*"]]),
                          status: 422, fields: ["url"])
            #expect(try await service.runtime.count("webhook_endpoints") == 0)
        }
    }

    @Test("the secret is shown once: at creation and on rotation, never in reads, replays, the database or logs",
          arguments: TestBackend.available)
    func secretShownOnce(backend: TestBackend) async throws {
        let capture = LogCapture()
        try await TestService.with(backend, logger: capture.logger) { service in
            let (account, auth) = try await service.makeAccount()
            let created = try await service.send(.POST, "/v1/webhooks", auth: auth, json: Self.hook, headers: [("Idempotency-Key", "hook-1")])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.json["id"] as? String)
            let secret = try #require(created.json["secret"] as? String)
            #expect(id.hasPrefix("whk_"))
            #expect(secret.hasPrefix("whsec_") && secret.count > 40)
            #expect(created.json["events"] as? [String] == ["port_request.completed"])
            #expect(created.json["enabled"] as? Bool == true)
            #expect(created.json["description"] as? String == "production")

            let replay = try await service.send(.POST, "/v1/webhooks", auth: auth, json: Self.hook, headers: [("Idempotency-Key", "hook-1")])
            #expect(replay.status == 201)
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(replay.json["id"] as? String == id)
            #expect(replay.json["secret"] == nil)

            let read = try await service.send(.GET, "/v1/webhooks/\(id)", auth: auth)
            #expect(read.status == 200)
            #expect(read.json["secret"] == nil)
            #expect(read.json["url"] as? String == "https://hooks.acme.test/portin")
            let list = try await service.send(.GET, "/v1/webhooks", auth: auth)
            #expect(list.items.map(\.id) == [id])
            #expect(list.items.first?["secret"] == nil)

            let rotated = try await service.send(.POST, "/v1/webhooks/\(id)/rotate-secret", auth: auth)
            #expect(rotated.status == 200)
            let second = try #require(rotated.json["secret"] as? String)
            #expect(second != secret && second.hasPrefix("whsec_"))
            #expect(try await service.store.webhookEndpoints.revealSecret(id: id, accountId: account.id) == second)

            let everything = try await service.runtime.textDump()
            for value in [secret, second] {
                #expect(!everything.contains(value), "a secret is stored in clear")
                #expect(!capture.all.contains { $0.contains(value) }, "a secret was logged")
                for response in service.responses where response.json["secret"] as? String != value {
                    #expect(!response.text.contains(value))
                }
            }
        }
    }

    @Test("update keeps absent fields, clears the description with null, validates like create; delete removes it",
          arguments: TestBackend.available)
    func updateAndDelete(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let id = try #require(try await service.send(.POST, "/v1/webhooks", auth: auth, json: Self.hook).json["id"] as? String)
            service.clock.advance(by: 60)
            let patched = try await service.send(.PATCH, "/v1/webhooks/\(id)", auth: auth,
                                                 json: ["events": ["*", "port_request.submitted"], "description": NSNull(), "enabled": false])
            #expect(patched.status == 200, "\(patched.text)")
            #expect(patched.json["events"] as? [String] == ["*"])
            #expect(patched.json["description"] == nil)
            #expect(patched.json["enabled"] as? Bool == false)
            #expect(patched.json["url"] as? String == "https://hooks.acme.test/portin")
            #expect(patched.json["updated_at"] as? String == "2027-03-01T15:01:00.000Z")
            #expect(patched.json["secret"] == nil)

            let bad = try await service.send(.PATCH, "/v1/webhooks/\(id)", auth: auth,
                                             json: ["url": NSNull(), "events": ["nope"], "enabled": NSNull()])
            expectProblem(bad, status: 422, fields: ["url", "events[0]", "enabled"])
            #expect(try await service.send(.GET, "/v1/webhooks/\(id)", auth: auth).json["enabled"] as? Bool == false)

            #expect(try await service.send(.DELETE, "/v1/webhooks/\(id)", auth: auth).status == 204)
            expectProblem(try await service.send(.GET, "/v1/webhooks/\(id)", auth: auth), status: 404, code: "not_found")
            expectProblem(try await service.send(.DELETE, "/v1/webhooks/\(id)", auth: auth), status: 404, code: "not_found")
        }
    }

    @Test("another account sees none of an account's endpoints or deliveries: 404 by id, empty lists",
          arguments: TestBackend.available)
    func scoping(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, authA) = try await service.makeAccount()
            let (_, authB) = try await service.makeAccount(name: "Bravo Bakery")
            let id = try #require(try await service.send(.POST, "/v1/webhooks", auth: authA, json: Self.hook).json["id"] as? String)
            #expect(try await service.send(.GET, "/v1/webhooks", auth: authB).items.isEmpty)
            for (method, path) in [(HTTPMethod.GET, "/v1/webhooks/\(id)"), (.PATCH, "/v1/webhooks/\(id)"), (.DELETE, "/v1/webhooks/\(id)"),
                                   (.POST, "/v1/webhooks/\(id)/rotate-secret"), (.GET, "/v1/webhooks/\(id)/deliveries")] {
                let response = method == .PATCH
                    ? try await service.send(method, path, auth: authB, json: ["enabled": false])
                    : try await service.send(method, path, auth: authB)
                expectProblem(response, status: 404, code: "not_found")
                #expect(!response.text.contains("hooks.acme.test"))
            }
            #expect(try await service.send(.GET, "/v1/webhooks/\(id)", auth: authA).json["enabled"] as? Bool == true)
        }
    }

    @Test("with private targets not allowed, loopback, private and link-local hosts are refused at registration",
          arguments: TestBackend.available)
    func privateTargetsRefused(backend: TestBackend) async throws {
        try await TestService.with(backend, webhooksAllowPrivate: false) { service in
            let (_, auth) = try await service.makeAccount()
            for url in ["http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/", "http://[::1]/x",
                        "http://169.254.169.254/latest/meta-data", "http://2130706433/", "http://0x7f.1/", "http://[::ffff:192.168.0.1]/"] {
                let response = try await service.send(.POST, "/v1/webhooks", auth: auth, json: ["url": url, "events": ["*"]])
                expectProblem(response, status: 422, fields: ["url"])
                #expect(response.problemCodes("url") == ["private_address_not_allowed"], "\(url): \(response.text)")
            }
            let fine = try await service.send(.POST, "/v1/webhooks", auth: auth, json: ["url": "https://hooks.acme.test/", "events": ["*"]])
            #expect(fine.status == 201)
        }
    }

    @Test("an account has at most 20 endpoints", arguments: TestBackend.available)
    func limit(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            for index in 0..<WebhookRoutes.maxEndpointsPerAccount {
                let response = try await service.send(.POST, "/v1/webhooks", auth: auth,
                                                      json: ["url": "https://h\(index).acme.test/", "events": ["*"]])
                #expect(response.status == 201)
            }
            let page = try await service.send(.GET, "/v1/webhooks?limit=15", auth: auth)
            let cursor = try #require(page.json["next_cursor"] as? String)
            let rest = try await service.send(.GET, "/v1/webhooks?limit=15&cursor=\(cursor)", auth: auth)
            #expect(Set((page.items + rest.items).map(\.id)).count == 20)
            #expect(rest.json["next_cursor"] == nil)
            expectProblem(try await service.send(.POST, "/v1/webhooks", auth: auth, json: Self.hook), status: 409,
                          code: "webhook_limit_reached")
        }
    }

    @Test("the event list names every event once, and the spec's enum is the same list", arguments: TestBackend.available)
    func eventList(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let response = try await service.send(.GET, "/v1/webhook-events", auth: auth)
            #expect(response.status == 200)
            let names = response.items.compactMap { $0["name"] as? String }
            #expect(names == NotificationType.webhookEvents)
            #expect(names.contains("port_request.foc_confirmed") && names.contains("port_request.status_changed"))
            #expect(response.items.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
        }
        let root = try #require(try Yams.load(yaml: APIDocument.yaml) as? [String: Any])
        let schemas = try #require((root["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let names = try #require((schemas["WebhookEventName"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(names) == Set(NotificationType.webhookEvents + ["*"]))
    }
}
