import Foundation
import PortInDocuments
import NIOHTTP1
import PortInStore
import Testing
@testable import PortInServer

/// Every registered route (but the public service routes) against every kind of caller: nobody, a
/// wrong token, another account, the other role, and the owner. A route added without a case here
/// fails the test.
@Suite("Access matrix")
struct AccessMatrixTests {
    /// Who a route belongs to.
    enum Scope {
        /// Names one of account A's resources in its path: another account gets 404.
        case resource
        /// The caller's own collection: another account gets its own (empty) view, nothing of A's.
        case collection
        /// Porting team only: customers get 403.
        case ops
    }

    /// How to call one route.
    struct Call {
        var scope: Scope
        /// The path with account A's real ids.
        var path: String
        /// The JSON or multipart body the owner sends, and the one the intruder sends (default: the same).
        var body: Body = .empty
        var intruderBody: Body?
        /// What the rightful caller (A, or the ops user on ops routes) gets.
        var ownerStatus: Int
    }

    enum Body {
        case empty
        case json(Any)
        case multipart(fields: [(String, String)], filename: String, data: Data)
    }

    @Test("no credentials or a wrong token is 401, another account is 404, the other role is 403, on every route",
          arguments: TestBackend.available)
    func everyRoute(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (accountA, authA) = try await service.makeAccount(name: "Acme Widgets")
            let (_, authB) = try await service.makeAccount(name: "Bravo Bakery")
            let numbersA = ["+12175220142", "+12175220143", "+12175220144", "+12175220145", "+12175220146"]
            try service.addSubscriber(numbers: numbersA)
            let request = try await service.createRequestId(auth: authA, numbers: [numbersA[0]])
            let toDelete = try await service.createRequestId(auth: authA, numbers: [numbersA[1]])
            let toCancel = try await service.createRequestId(auth: authA, numbers: [numbersA[2]])
            // At the carrier, for the ops actions (documents requested, then moved on).
            let forOps = try await service.createRequestId(auth: authA, numbers: [numbersA[4]])
            try await service.force(forOps, through: [.submitted])
            let deadJob = try await service.store.jobs.enqueue(kind: "submit_order", payload: Data("{}".utf8), runAt: service.clock.now(),
                                                               maxAttempts: 1, now: service.clock.now())
            try await service.runner.runDue()
            let uploaded = try await service.upload(request, auth: authA, fields: [("kind", "other")], file: ("a.pdf", SampleFiles.pdf()))
            let document = try #require(uploaded.json["id"] as? String)
            let number = "+13122240150"
            try await service.store.numbers.provision(accountId: accountA.id, numbers: [number], portRequestId: request, focDate: nil,
                                                      now: service.clock.now())
            let app = try await service.send(.POST, "/v1/applications", auth: authA, json: ["name": "Main IVR"])
            let application = try #require(app.json["id"] as? String)
            let pon = try #require(try await service.send(.GET, "/v1/port-requests/\(request)", auth: authA).json["pon"] as? String)
            let hookBody: [String: Any] = ["url": "https://hooks.acme.test/portin", "events": ["*"]]
            let webhook = try #require(try await service.send(.POST, "/v1/webhooks", auth: authA, json: hookBody).json["id"] as? String)
            let webhookToDelete = try #require(try await service.send(.POST, "/v1/webhooks", auth: authA, json: hookBody).json["id"]
                as? String)
            let stored = try #require(try await service.store.portRequests.find(id: request, accountId: accountA.id))
            let notification = PortNotification(type: .statusChanged, request: stored, at: service.clock.now())
            try await service.store.transaction { tx in try await tx.enqueueWebhooks(notification) }
            let delivery = try #require(try await service.store.webhookDeliveries.list(endpointId: webhook, accountId: accountA.id,
                                                                                        status: nil, page: .init()).items.first?.id)
            // Country LOA templates: GB to read, FR to delete, DE to store.
            let template = String(decoding: try JSONEncoder().encode(LOATemplate.internationalDefault), as: UTF8.self)
            for country in ["GB", "FR"] {
                _ = try await service.store.loaTemplates.put(country: country, json: template, byUserId: nil, byEmail: "ops@portin.test",
                                                             at: service.clock.now())
            }
            let templateObject = try #require(try JSONSerialization.jsonObject(with: Data(template.utf8)) as? [String: Any])

            let create = TestService.requestFields(btn: numbersA[3]).merging(["numbers": [numbersA[3]]]) { $1 }
            let calls: [RouteKey: Call] = [
                RouteKey(method: "POST", path: "/v1/portability-checks"):
                    Call(scope: .collection, path: "/v1/portability-checks", body: .json(["numbers": [numbersA[3]]]),
                         intruderBody: .json(["numbers": ["+13122240199"]]), ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/port-requests"):
                    Call(scope: .collection, path: "/v1/port-requests", body: .json(create),
                         intruderBody: .json(["numbers": ["+13122240199"]]), ownerStatus: 201),
                RouteKey(method: "GET", path: "/v1/port-requests"):
                    Call(scope: .collection, path: "/v1/port-requests", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/port-requests/:id"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)", ownerStatus: 200),
                RouteKey(method: "PATCH", path: "/v1/port-requests/:id"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)", body: .json(["customer_reference": "ticket-9"]),
                         intruderBody: .json(["customer_reference": "intruder"]), ownerStatus: 200),
                RouteKey(method: "DELETE", path: "/v1/port-requests/:id"):
                    Call(scope: .resource, path: "/v1/port-requests/\(toDelete)", ownerStatus: 204),
                RouteKey(method: "POST", path: "/v1/port-requests/:id/submit"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/submit", ownerStatus: 422),
                RouteKey(method: "POST", path: "/v1/port-requests/:id/cancel"):
                    Call(scope: .resource, path: "/v1/port-requests/\(toCancel)/cancel", body: .json(["reason": "not needed"]),
                         intruderBody: .json(["reason": "intruder"]), ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/port-requests/:id/documents"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/documents", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/port-requests/:id/documents"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/documents",
                         body: .multipart(fields: [("kind", "other")], filename: "b.png", data: SampleFiles.png()),
                         intruderBody: .multipart(fields: [("kind", "other")], filename: "intruder.png", data: SampleFiles.png("intruder")),
                         ownerStatus: 201),
                RouteKey(method: "GET", path: "/v1/port-requests/:id/documents/:document_id"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/documents/\(document)", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/port-requests/:id/comments"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/comments", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/port-requests/:id/comments"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/comments", body: .json(["body": "hello"]),
                         intruderBody: .json(["body": "intruder"]), ownerStatus: 201),
                RouteKey(method: "GET", path: "/v1/port-requests/:id/events"):
                    Call(scope: .resource, path: "/v1/port-requests/\(request)/events", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/numbers"):
                    Call(scope: .collection, path: "/v1/numbers", ownerStatus: 200),
                RouteKey(method: "PATCH", path: "/v1/numbers/:e164"):
                    Call(scope: .resource, path: "/v1/numbers/\(number)", body: .json(["application_id": application]), ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/applications"):
                    Call(scope: .collection, path: "/v1/applications", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/applications"):
                    Call(scope: .collection, path: "/v1/applications", body: .json(["name": "Fax"]), ownerStatus: 201),
                RouteKey(method: "POST", path: "/v1/webhooks"):
                    Call(scope: .collection, path: "/v1/webhooks", body: .json(hookBody),
                         intruderBody: .json(["url": "https://hooks.bravo.test/in", "events": ["*"]]), ownerStatus: 201),
                RouteKey(method: "GET", path: "/v1/webhooks"):
                    Call(scope: .collection, path: "/v1/webhooks", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/webhooks/:webhook_id"):
                    Call(scope: .resource, path: "/v1/webhooks/\(webhook)", ownerStatus: 200),
                RouteKey(method: "PATCH", path: "/v1/webhooks/:webhook_id"):
                    Call(scope: .resource, path: "/v1/webhooks/\(webhook)", body: .json(["description": "primary"]),
                         intruderBody: .json(["description": "intruder"]), ownerStatus: 200),
                RouteKey(method: "DELETE", path: "/v1/webhooks/:webhook_id"):
                    Call(scope: .resource, path: "/v1/webhooks/\(webhookToDelete)", ownerStatus: 204),
                RouteKey(method: "POST", path: "/v1/webhooks/:webhook_id/rotate-secret"):
                    Call(scope: .resource, path: "/v1/webhooks/\(webhook)/rotate-secret", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/webhooks/:webhook_id/deliveries"):
                    Call(scope: .resource, path: "/v1/webhooks/\(webhook)/deliveries", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/webhook-deliveries/:delivery_id"):
                    Call(scope: .resource, path: "/v1/webhook-deliveries/\(delivery)", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/webhook-deliveries/:delivery_id/redeliver"):
                    Call(scope: .resource, path: "/v1/webhook-deliveries/\(delivery)/redeliver", ownerStatus: 202),
                RouteKey(method: "GET", path: "/v1/webhook-events"):
                    Call(scope: .collection, path: "/v1/webhook-events", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/port-requests"):
                    Call(scope: .ops, path: "/v1/ops/port-requests", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/port-requests/:id"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(request)", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/port-requests/:id/comments"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(request)/comments", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/ops/port-requests/:id/comments"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(request)/comments",
                         body: .json(["body": "hello", "visibility": "internal"]), ownerStatus: 201),
                RouteKey(method: "GET", path: "/v1/ops/port-requests/:id/events"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(request)/events", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/ops/port-requests/:id/document-requests"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(forOps)/document-requests",
                         body: .json(["documents": [["kind": "loa"]], "message": "Upload the LOA."]), ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/ops/port-requests/:id/transitions"):
                    Call(scope: .ops, path: "/v1/ops/port-requests/\(forOps)/transitions",
                         body: .json(["to": "cancelled", "reason": "asked by phone"]), ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/jobs"):
                    Call(scope: .ops, path: "/v1/ops/jobs", ownerStatus: 200),
                RouteKey(method: "POST", path: "/v1/ops/jobs/:job_id/retry"):
                    Call(scope: .ops, path: "/v1/ops/jobs/\(deadJob.id)/retry", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/alerts"):
                    Call(scope: .ops, path: "/v1/ops/alerts", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/loa-templates"):
                    Call(scope: .ops, path: "/v1/ops/loa-templates", ownerStatus: 200),
                RouteKey(method: "GET", path: "/v1/ops/loa-templates/:country"):
                    Call(scope: .ops, path: "/v1/ops/loa-templates/GB", ownerStatus: 200),
                RouteKey(method: "PUT", path: "/v1/ops/loa-templates/:country"):
                    Call(scope: .ops, path: "/v1/ops/loa-templates/DE", body: .json(templateObject), ownerStatus: 200),
                RouteKey(method: "DELETE", path: "/v1/ops/loa-templates/:country"):
                    Call(scope: .ops, path: "/v1/ops/loa-templates/FR", ownerStatus: 204),
            ]

            // Browser pages use cookie sessions, not Basic credentials: left out by their one rule
            // (`PageRoutes.prefixes`); PageAccessTests checks their own access rules.
            let routes = service.registeredRoutes.filter { !TestService.publicPaths.contains($0.path) && !PageRoutes.isPagePath($0.path) }
            #expect(Set(routes) == Set(calls.keys), "every protected route has a case here, and every case a route")
            let secretsOfA = [accountA.id, request, toDelete, toCancel, forOps, document, application, number, pon, webhook,
                              webhookToDelete, delivery, "hooks.acme.test"]

            func send(_ route: RouteKey, _ call: Call, auth: Credentials?, body: Body, headers: [(String, String)] = [])
                async throws -> TestResponse {
                let method = HTTPMethod(rawValue: route.method)
                switch body {
                case .empty:
                    return try await service.send(method, call.path, auth: auth, headers: headers)
                case .json(let json):
                    return try await service.send(method, call.path, auth: auth, json: json, headers: headers)
                case .multipart(let fields, let filename, let data):
                    let form = TestService.multipart(fields: fields, file: (name: "file", filename: filename, data: data))
                    return try await service.send(method, call.path, auth: auth, body: form.body, contentType: form.contentType,
                                                  headers: headers)
                }
            }

            let wrongA = Credentials(authId: authA.authId, token: authA.token + "x")
            let wrongOps = Credentials(authId: ops.authId, token: String(ops.token.reversed()))
            let unknown = Credentials(authId: "AC" + String(repeating: "0", count: 30), token: authA.token)
            var intruderCalls = 0
            for route in routes {
                guard let call = calls[route] else { continue }
                let label = "\(route)"

                // Nobody, or somebody with a wrong token: 401 with a challenge, before anything else.
                for (auth, headers) in [(nil, []), (wrongA, []), (wrongOps, []), (unknown, []),
                                        (nil, [("Authorization", "Bearer \(authA.token)")]),
                                        (nil, [("Authorization", "Basic not-base64!")])] as [(Credentials?, [(String, String)])] {
                    let response = try await send(route, call, auth: auth, body: call.body, headers: headers)
                    expectProblem(response, status: 401, code: "unauthorized")
                    #expect(response.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true, "\(label)")
                }

                if route.method == "GET" {
                    // Vapor answers HEAD through the GET route: it must pass the same guard.
                    let head = try await service.send(.HEAD, call.path)
                    #expect(head.status == 401, "HEAD \(call.path)")
                    #expect(head.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true, "HEAD \(call.path)")
                }

                let intruder = try await send(route, call, auth: authB, body: call.intruderBody ?? call.body)
                intruderCalls += 1
                switch call.scope {
                case .resource:
                    expectProblem(intruder, status: 404, code: "not_found")
                    #expect(intruder.status == 404, "\(label) for another account")
                case .collection:
                    #expect((200..<300).contains(intruder.status) || intruder.status == 422, "\(label): \(intruder.text)")
                case .ops:
                    expectProblem(intruder, status: 403, code: "ops_only")
                    let owner = try await send(route, call, auth: authA, body: call.body)
                    expectProblem(owner, status: 403, code: "ops_only")
                }
                // `instance` echoes the path the caller sent; nothing else may name A's data.
                var shown = intruder.json
                shown["instance"] = nil
                let shownText = String(decoding: try JSONSerialization.data(withJSONObject: shown), as: UTF8.self)
                #expect(shownText.count > 2, "\(label): \(intruder.text)")
                for secret in secretsOfA {
                    #expect(!shownText.contains(secret), "\(label) shows another account's \(secret)")
                }

                let wrongRole = try await send(route, call, auth: call.scope == .ops ? authB : ops, body: call.body)
                #expect(wrongRole.status == 403, "\(label) with the other role: \(wrongRole.text)")
            }
            #expect(intruderCalls == calls.count)

            // Nothing the intruder sent changed account A's data.
            #expect(!(try await service.runtime.textDump()).contains("intruder"))
            #expect(try await service.runtime.count("documents") == 1)
            #expect(try await service.store.numbers.find(e164: number, accountId: accountA.id)?.applicationId == nil)
            #expect(try await service.store.portRequests.find(id: toDelete, accountId: accountA.id) != nil)
            #expect(try await service.store.webhookEndpoints.find(id: webhookToDelete, accountId: accountA.id) != nil)
            #expect(try await service.store.webhookDeliveries.find(id: delivery, accountId: accountA.id)?.attempts == 0)

            // The ids were real: the rightful caller reaches every route.
            for route in routes {
                guard let call = calls[route] else { continue }
                let response = try await send(route, call, auth: call.scope == .ops ? ops : authA, body: call.body)
                #expect(response.status == call.ownerStatus, "\(route) for its owner: \(response.text)")
            }
        }
    }

    @Test("another account's 404 says no more than an unknown id's", arguments: TestBackend.available)
    func noExistenceOracle(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, authA) = try await service.makeAccount()
            let (_, authB) = try await service.makeAccount(name: "Bravo Bakery")
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: authA, numbers: ["+12175220142"])
            for suffix in ["", "/events", "/comments", "/documents"] {
                let theirs = try await service.send(.GET, "/v1/port-requests/\(id)\(suffix)", auth: authB)
                let none = try await service.send(.GET, "/v1/port-requests/pr_00000000000000000000000000\(suffix)", auth: authB)
                expectProblem(theirs, status: 404, code: "not_found")
                expectProblem(none, status: 404, code: "not_found")
                #expect(theirs.json["detail"] as? String == none.json["detail"] as? String)
                #expect(theirs.json["title"] as? String == none.json["title"] as? String)
            }
        }
    }

    @Test("an Idempotency-Key belongs to its caller: another account using the same key gets its own result",
          arguments: TestBackend.available)
    func idempotencyKeysAreScoped(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, authA) = try await service.makeAccount()
            let (_, authB) = try await service.makeAccount(name: "Bravo Bakery")
            let body = ["name": "Main IVR", "voice_url": "https://ivr.example.test/voice"]
            let first = try await service.send(.POST, "/v1/applications", auth: authA, json: body, headers: [("Idempotency-Key", "k-1")])
            #expect(first.status == 201)
            let replay = try await service.send(.POST, "/v1/applications", auth: authA, json: body, headers: [("Idempotency-Key", "k-1")])
            #expect(replay.status == 201)
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(replay.json["id"] as? String == first.json["id"] as? String)

            let other = try await service.send(.POST, "/v1/applications", auth: authB, json: body, headers: [("Idempotency-Key", "k-1")])
            #expect(other.status == 201)
            #expect(other.headers.first(name: "Idempotent-Replayed") == nil)
            let otherId = try #require(other.json["id"] as? String)
            #expect(otherId != first.json["id"] as? String)
            let listB = try await service.send(.GET, "/v1/applications", auth: authB)
            #expect((listB.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } == [otherId])

            let unauthenticated = try await service.send(.POST, "/v1/applications", json: body, headers: [("Idempotency-Key", "k-1")])
            expectProblem(unauthenticated, status: 401, code: "unauthorized")
            #expect(!unauthenticated.text.contains("Main IVR"))
            #expect(try await service.runtime.count("applications") == 2)
        }
    }
}
