import CarrierKit
import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// Deliveries to a real receiver on loopback: signed, only to subscribed endpoints, retried with
/// growing delays for 24 hours, recorded, listable and redeliverable. Time is `service.clock`.
@Suite("Webhook deliveries")
struct WebhookDeliveryTests {
    /// Registers an endpoint at `url` through the API; returns its id and the secret shown at creation.
    static func register(_ service: TestService, _ auth: Credentials, url: String, events: [String], enabled: Bool = true)
        async throws -> (id: String, secret: String) {
        let response = try await service.send(.POST, "/v1/webhooks", auth: auth, json: ["url": url, "events": events, "enabled": enabled])
        guard response.status == 201, let id = response.json["id"] as? String, let secret = response.json["secret"] as? String else {
            throw HarnessError("webhook registration failed: \(response.status) \(response.text)")
        }
        return (id, secret)
    }

    /// Opens a complete request for `number` with its paperwork and submits it; returns its id.
    static func submit(_ service: TestService, _ auth: Credentials, number: String) async throws -> String {
        try service.addSubscriber(numbers: [number])
        let id = try await service.createOne(auth, numbers: [number]).id
        try await service.attachPaperwork(auth, requestId: id)
        let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
        guard submitted.status == 200 else { throw HarnessError("submit failed: \(submitted.status) \(submitted.text)") }
        return id
    }

    @Test("a submit sends status_changed and submitted, signed, to the subscribed endpoints only", arguments: TestBackend.available)
    func submitFansOut(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await WebhookReceiver.with(clock: service.clock) { receiver in
                let (account, auth) = try await service.makeAccount()
                let (_, otherAuth) = try await service.makeAccount(name: "Bravo Bakery")
                let both = try await Self.register(service, auth, url: receiver.url("/both"),
                                                   events: ["port_request.status_changed", "port_request.submitted"])
                let all = try await Self.register(service, auth, url: receiver.url("/all"), events: ["*"])
                _ = try await Self.register(service, auth, url: receiver.url("/completed"), events: ["port_request.completed"])
                _ = try await Self.register(service, auth, url: receiver.url("/disabled"), events: ["*"], enabled: false)
                _ = try await Self.register(service, otherAuth, url: receiver.url("/other"), events: ["*"])
                receiver.expectSecret(both.secret, on: "/both")
                receiver.expectSecret(all.secret, on: "/all")

                let id = try await Self.submit(service, auth, number: "+12175220401")
                #expect(receiver.received.isEmpty, "nothing is sent inside the request")
                #expect(await service.webhooks.deliverDue() == 4)
                #expect(await service.webhooks.deliverDue() == 0)

                #expect(Set(receiver.received.map(\.path)) == ["/both", "/all"])
                for path in ["/both", "/all"] {
                    let got = receiver.received(on: path)
                    #expect(got.compactMap(\.type).sorted() == ["port_request.status_changed", "port_request.submitted"], "\(path)")
                    #expect(got.allSatisfy { $0.signatureValid == true }, "\(path): the signature verifies with the creation secret")
                }
                let changed = try #require(receiver.received(on: "/both").first { $0.type == "port_request.status_changed" })
                #expect(changed.headers.first(name: "Content-Type") == "application/json")
                #expect(changed.headers.first(name: "PortIn-Event-Type") == "port_request.status_changed")
                #expect(changed.json["id"] as? String == changed.headers.first(name: "PortIn-Event-Id"))
                #expect(changed.json["created_at"] as? String == "2027-03-01T15:00:00.000Z")
                #expect(changed.data["request_id"] as? String == id)
                #expect(changed.data["account_id"] as? String == account.id)
                #expect(changed.data["status"] as? String == "submitted")
                #expect(changed.data["previous_status"] as? String == "draft")
                #expect(changed.data["numbers"] as? [String] == ["+12175220401"])
                #expect(changed.data["customer_reference"] as? String == "ticket-7")
                #expect(changed.data.keys.contains("foc_date") && changed.data["foc_date"] is NSNull, "stable shape: null, not absent")
                // Both endpoints got the same event: the same id and the same bytes.
                let twin = try #require(receiver.received(on: "/all").first { $0.type == "port_request.status_changed" })
                #expect(twin.headers.first(name: "PortIn-Event-Id") == changed.headers.first(name: "PortIn-Event-Id"))
                #expect(twin.body == changed.body)
                #expect(twin.headers.first(name: "PortIn-Delivery-Id") != changed.headers.first(name: "PortIn-Delivery-Id"))

                // The signature is over these exact bytes: another body or secret does not verify.
                let header = changed.headers.first(name: "PortIn-Signature")
                #expect(header?.hasPrefix("t=\(Int(service.clock.now().timeIntervalSince1970)),v1=") == true)
                #expect(throws: CallbackSignatureError.self) {
                    try CallbackSignature(secret: both.secret).verify(header: header, body: Data(changed.body.dropLast()),
                                                                      now: service.clock.now())
                }
                #expect(throws: CallbackSignatureError.self) {
                    try CallbackSignature(secret: all.secret).verify(header: header, body: changed.body, now: service.clock.now())
                }

                let listed = try await service.send(.GET, "/v1/webhooks/\(both.id)/deliveries", auth: auth)
                #expect(listed.status == 200)
                #expect(listed.items.count == 2)
                #expect(listed.items.allSatisfy {
                    $0["status"] as? String == "delivered" && $0["attempts"] as? Int == 1 && $0["last_response_status"] as? Int == 200
                        && $0["port_request_id"] as? String == id && $0["next_attempt_at"] == nil
                })
                #expect(listed.items.first?["last_response_body"] as? String == "answer 200 from /both")
                let deliveryId = try #require(listed.items.first?["id"] as? String)
                let one = try await service.send(.GET, "/v1/webhook-deliveries/\(deliveryId)", auth: auth)
                #expect(one.status == 200)
                #expect((one.json["attempt_log"] as? [[String: Any]])?.map { $0["response_status"] as? Int } == [200])
                let sent = try #require(receiver.received.first { $0.headers.first(name: "PortIn-Delivery-Id") == deliveryId })
                #expect(one.json["payload"] as? String == String(decoding: sent.body, as: UTF8.self))
                expectProblem(try await service.send(.GET, "/v1/webhook-deliveries/\(deliveryId)", auth: otherAuth), status: 404)
                expectProblem(try await service.send(.POST, "/v1/webhook-deliveries/\(deliveryId)/redeliver", auth: otherAuth),
                              status: 404)
            }
        }
    }

    @Test("a receiver answering 500 gets retries with growing delays until 24 hours after the first attempt, then the delivery fails; redeliver sends it again",
          arguments: TestBackend.available)
    func retriesThenFailsThenRedelivers(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await WebhookReceiver.with(clock: service.clock) { receiver in
                let (account, auth) = try await service.makeAccount()
                let hook = try await Self.register(service, auth, url: receiver.url("/flaky"), events: ["port_request.submitted"])
                receiver.expectSecret(hook.secret, on: "/flaky")
                receiver.answer(500, on: "/flaky")
                _ = try await Self.submit(service, auth, number: "+12175220402")
                let first = service.clock.now()

                var steps = 0
                while steps < 100 {
                    steps += 1
                    #expect(await service.webhooks.deliverDue() == 1)
                    let deliveries = try await service.store.webhookDeliveries.list(endpointId: hook.id, accountId: account.id,
                                                                                     status: nil, page: PageRequest())
                    let delivery = try #require(deliveries.items.first)
                    guard delivery.status == .pending else { break }
                    // Nothing is due before the retry time.
                    service.clock.set(delivery.nextAttemptAt.addingTimeInterval(-1))
                    #expect(await service.webhooks.deliverDue() == 0)
                    service.clock.set(delivery.nextAttemptAt)
                }

                let got = receiver.received(on: "/flaky")
                #expect(got.allSatisfy { $0.signatureValid == true && $0.answered == 500 })
                #expect(Set(got.map(\.body)).count == 1, "every retry sends the same bytes")
                #expect(Set(got.compactMap { $0.headers.first(name: "PortIn-Event-Id") }).count == 1)

                let listed = try await service.send(.GET, "/v1/webhooks/\(hook.id)/deliveries?status=failed", auth: auth)
                let failed = try #require(listed.items.first)
                #expect(failed["status"] as? String == "failed")
                #expect(failed["last_response_status"] as? Int == 500)
                #expect(failed["attempts"] as? Int == got.count)
                let deliveryId = try #require(failed["id"] as? String)
                let detail = try await service.send(.GET, "/v1/webhook-deliveries/\(deliveryId)", auth: auth)
                let log = detail.json["attempt_log"] as? [[String: Any]] ?? []
                #expect(log.count == got.count)
                #expect(log.allSatisfy { $0["response_status"] as? Int == 500 && $0["duration_ms"] is Int })

                // Delays double from 30 s to the 1-hour cap; the last attempt is made at the 24-hour mark.
                let attempts = try await service.store.webhookDeliveries.attempts(deliveryId: deliveryId, accountId: account.id)
                let times = attempts.map(\.at)
                #expect(times.first == first)
                #expect(times.last == first.addingTimeInterval(24 * 3600))
                let delays = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
                for (index, delay) in delays.dropLast().enumerated() {
                    #expect(delay == min(3600, 30 * pow(2, Double(index))), "delay \(index + 1)")
                }
                #expect(delays.prefix(8) == [30, 60, 120, 240, 480, 960, 1920, 3600])
                #expect(zip(delays.dropLast(), delays.dropLast().dropFirst()).allSatisfy { $0 <= $1 }, "delays never shrink")
                #expect(attempts.count == 31)
                // Given up: nothing more is sent.
                service.clock.advance(by: 7 * 24 * 3600)
                #expect(await service.webhooks.deliverDue() == 0)

                // The receiver is fixed; a redelivery goes out at once, with a fresh window.
                receiver.answer(204, on: "/flaky")
                let redeliver = try await service.send(.POST, "/v1/webhook-deliveries/\(deliveryId)/redeliver", auth: auth)
                #expect(redeliver.status == 202, "\(redeliver.text)")
                #expect(redeliver.json["status"] as? String == "pending")
                #expect(await service.webhooks.deliverDue() == 1)
                let after = try await service.send(.GET, "/v1/webhook-deliveries/\(deliveryId)", auth: auth)
                #expect(after.json["status"] as? String == "delivered")
                #expect(after.json["attempts"] as? Int == 32)
                #expect((after.json["attempt_log"] as? [[String: Any]])?.last?["response_status"] as? Int == 204)
                #expect(receiver.received(on: "/flaky").last?.signatureValid == true)
                #expect(receiver.received(on: "/flaky").last?.body == got.first?.body)

                // A delivered delivery can be redelivered too.
                #expect(try await service.send(.POST, "/v1/webhook-deliveries/\(deliveryId)/redeliver", auth: auth).status == 202)
                #expect(await service.webhooks.deliverDue() == 1)
                #expect(receiver.received(on: "/flaky").count == 33)
            }
        }
    }

    @Test("redirects are not followed, a receiver that does not answer times out, and both are retried", arguments: TestBackend.available)
    func redirectsAndTimeouts(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await WebhookReceiver.with(clock: service.clock) { receiver in
                let (account, auth) = try await service.makeAccount()
                let redirect = try await Self.register(service, auth, url: receiver.url("/redirect"), events: ["port_request.submitted"])
                _ = try await Self.submit(service, auth, number: "+12175220403")
                #expect(await service.webhooks.deliverDue() == 1)
                #expect(receiver.received(on: "/redirect").count == 1)
                #expect(receiver.received(on: "/ok").isEmpty, "the redirect was not followed")
                let redirected = try #require(try await service.store.webhookDeliveries.list(
                    endpointId: redirect.id, accountId: account.id, status: nil, page: PageRequest()).items.first)
                #expect(redirected.status == .pending)
                #expect(redirected.lastResponseStatus == 302)
                #expect(redirected.lastError == "redirect not followed")
                #expect(redirected.nextAttemptAt == service.clock.now().addingTimeInterval(30))
                #expect(try await service.send(.DELETE, "/v1/webhooks/\(redirect.id)", auth: auth).status == 204)

                // A sender with a short timeout, so the test waits 0.3 s rather than 10.
                let hang = try await Self.register(service, auth, url: receiver.url("/hang"), events: ["port_request.submitted"])
                _ = try await Self.submit(service, auth, number: "+12175220407")
                let impatient = WebhookDelivery(store: service.store, client: service.webhookClient, clock: service.clock, owner: "impatient",
                                                allowPrivateTargets: true, timeout: .milliseconds(300), jitter: { $0 },
                                                logger: .init(label: "test"))
                #expect(await impatient.deliverDue() == 1)
                receiver.release()
                let timedOut = try #require(try await service.store.webhookDeliveries.list(
                    endpointId: hang.id, accountId: account.id, status: nil, page: PageRequest()).items.first)
                #expect(timedOut.status == .pending)
                #expect(timedOut.lastResponseStatus == nil)
                #expect(timedOut.lastError?.contains("timed out") == true, "\(timedOut.lastError ?? "")")
                let attempts = try await service.store.webhookDeliveries.attempts(deliveryId: timedOut.id, accountId: account.id)
                #expect(attempts.count == 1)
                #expect(attempts.first?.responseStatus == nil)
                #expect((attempts.first?.durationMs ?? 0) >= 300)
            }
        }
    }

    @Test("with private targets not allowed, the sender refuses a loopback target at delivery time and sends nothing",
          arguments: TestBackend.available)
    func privateTargetRefusedAtDelivery(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await WebhookReceiver.with(clock: service.clock) { receiver in
                let (account, auth) = try await service.makeAccount()
                // Registered while allowed (the flag may change between registration and delivery).
                let hook = try await Self.register(service, auth, url: "http://localhost:\(receiver.port)/private", events: ["*"])
                _ = try await Self.submit(service, auth, number: "+12175220404")
                let strict = WebhookDelivery(store: service.store, client: service.webhookClient, clock: service.clock, owner: "strict",
                                             allowPrivateTargets: false, jitter: { $0 }, logger: .init(label: "test"))
                #expect(await strict.deliverDue() == 2)
                #expect(receiver.received.isEmpty)
                let deliveries = try await service.store.webhookDeliveries.list(endpointId: hook.id, accountId: account.id, status: nil,
                                                                                page: PageRequest()).items
                #expect(deliveries.count == 2)
                #expect(deliveries.allSatisfy { $0.status == .pending && $0.lastError?.hasPrefix("refused") == true })
            }
        }
    }

    @Test("a rotated secret signs the retries; a disabled endpoint's pending deliveries fail and are not sent",
          arguments: TestBackend.available)
    func rotationAndDisabling(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await WebhookReceiver.with(clock: service.clock) { receiver in
                let (account, auth) = try await service.makeAccount()
                let hook = try await Self.register(service, auth, url: receiver.url("/r"), events: ["port_request.submitted"])
                receiver.expectSecret(hook.secret, on: "/r")
                receiver.answer(503, on: "/r")
                _ = try await Self.submit(service, auth, number: "+12175220405")
                #expect(await service.webhooks.deliverDue() == 1)
                let rotated = try await service.send(.POST, "/v1/webhooks/\(hook.id)/rotate-secret", auth: auth)
                let secret = try #require(rotated.json["secret"] as? String)
                receiver.expectSecret(secret, on: "/r")
                receiver.answer(200, on: "/r")
                service.clock.advance(by: 30)
                #expect(await service.webhooks.deliverDue() == 1)
                #expect(receiver.received(on: "/r").map(\.signatureValid) == [true, true])
                #expect(receiver.received(on: "/r").map(\.answered) == [503, 200])

                let second = try await Self.submit(service, auth, number: "+12175220406")
                let disabled = try await service.send(.PATCH, "/v1/webhooks/\(hook.id)", auth: auth, json: ["enabled": false])
                #expect(disabled.status == 200)
                #expect(await service.webhooks.deliverDue() == 0)
                #expect(receiver.received(on: "/r").count == 2)
                let failed = try await service.store.webhookDeliveries.list(endpointId: hook.id, accountId: account.id, status: .failed,
                                                                            page: PageRequest()).items
                #expect(failed.map(\.requestId) == [second])
                let refused = try await service.send(.POST, "/v1/webhook-deliveries/\(failed[0].id)/redeliver", auth: auth)
                expectProblem(refused, status: 409, code: "webhook_disabled")
            }
        }
    }
}
