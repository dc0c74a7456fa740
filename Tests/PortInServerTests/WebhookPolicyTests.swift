import Foundation
import Logging
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The parts of webhooks that need no server: which targets are public, the backoff's jitter,
/// the body's stable shape, and the configuration flag.
@Suite("Webhook rules")
struct WebhookPolicyTests {
    @Test("addresses are public unless loopback, private, shared, link-local, multicast, documentation or reserved",
          arguments: [
            ("8.8.8.8", true), ("1.1.1.1", true), ("172.32.0.1", true), ("100.128.0.1", true), ("2606:4700:4700::1111", true),
            ("127.0.0.1", false), ("127.8.9.10", false), ("10.0.0.1", false), ("172.16.5.4", false), ("172.31.255.255", false),
            ("192.168.1.1", false), ("169.254.169.254", false), ("100.64.0.1", false), ("0.0.0.0", false), ("224.0.0.1", false),
            ("255.255.255.255", false), ("192.0.2.10", false), ("198.18.0.1", false), ("::1", false), ("::", false),
            ("fd00::1", false), ("fe80::1", false), ("ff02::1", false), ("::ffff:127.0.0.1", false), ("::ffff:8.8.8.8", true),
            ("64:ff9b::10.0.0.1", false), ("2001:db8::1", false),
            // Forms the resolver accepts for 127.0.0.1.
            ("2130706433", false), ("0x7f.1", false), ("0177.0.0.1", false),
          ])
    func addressClasses(address: String, isPublic: Bool) throws {
        let parsed = try #require(IPAddress(literal: address))
        #expect(parsed.isPublic == isPublic, "\(address)")
    }

    @Test("names: localhost is private, other names are judged by what they resolve to")
    func names() async throws {
        #expect(WebhookTargetPolicy.namesPrivateTarget("localhost"))
        #expect(WebhookTargetPolicy.namesPrivateTarget("api.localhost"))
        #expect(WebhookTargetPolicy.namesPrivateTarget("localhost."))
        #expect(!WebhookTargetPolicy.namesPrivateTarget("hooks.acme.test"))
        #expect(WebhookTargetPolicy.resolve("localhost").contains { !$0.isPublic })
        let strict = WebhookTargetPolicy(allowPrivate: false)
        #expect(await strict.refusal(for: URL(string: "http://127.0.0.1:9/x")!) != nil)
        #expect(await strict.refusal(for: URL(string: "http://localhost:9/x")!) != nil)
        #expect(await strict.refusal(for: URL(string: "ftp://8.8.8.8/x")!) != nil)
        #expect(await strict.refusal(for: URL(string: "https://8.8.8.8/x")!) == nil)
        #expect(await WebhookTargetPolicy(allowPrivate: true).refusal(for: URL(string: "http://127.0.0.1:9/x")!) == nil)
        #expect(strict.problems(url: "https://hooks.acme.test/in?token=1").isEmpty)
        #expect(strict.problems(url: "mailto:ops@acme.test").map(\.code) == ["invalid_url"])
    }

    @Test("the delay after a failure is jittered within [1 s, ceiling], the ceiling doubling to the cap, and never past the window")
    func backoff() async throws {
        try await TestService.with(.sqlite) { service in
            let clock = service.clock
            let sender = WebhookDelivery(store: service.store, client: service.webhookClient, clock: clock, allowPrivateTargets: true,
                                         logger: Logger(label: "test"))
            let failure = WebhookDelivery.AttemptResult(status: 500)
            var delivery = try await Self.delivery(service)
            var spread: Set<Int> = []
            for attempt in 0..<12 {
                delivery.roundAttempts = attempt
                let ceiling = min(3600, 30 * pow(2, Double(attempt)))
                for _ in 0..<50 {
                    guard case .retry(let at) = sender.decide(failure, delivery: delivery, attemptAt: clock.now()) else {
                        Issue.record("expected a retry")
                        return
                    }
                    let delay = at.timeIntervalSince(clock.now())
                    #expect(delay >= 1 && delay <= ceiling, "attempt \(attempt + 1): \(delay) > \(ceiling)")
                    spread.insert(Int(delay / ceiling * 10))
                }
            }
            #expect(spread.count >= 8, "full jitter spreads over the whole range")
            #expect(sender.decide(WebhookDelivery.AttemptResult(status: 204), delivery: delivery, attemptAt: clock.now()) == .delivered)
            delivery.roundStartedAt = clock.now().addingTimeInterval(-24 * 3600 + 10)
            guard case .retry(let last) = sender.decide(failure, delivery: delivery, attemptAt: clock.now()) else {
                Issue.record("expected a last retry at the deadline")
                return
            }
            #expect(last <= clock.now().addingTimeInterval(10))
            delivery.roundStartedAt = clock.now().addingTimeInterval(-24 * 3600)
            #expect(sender.decide(failure, delivery: delivery, attemptAt: clock.now()) == .failed)
            #expect(sender.decide(WebhookDelivery.AttemptResult(status: 302, error: "redirect not followed"), delivery: delivery,
                                  attemptAt: clock.now()) == .failed)
        }
    }

    /// A queued delivery (of a `*` endpoint) for a new draft's notification.
    static func delivery(_ service: TestService) async throws -> StoredWebhookDelivery {
        let (account, _) = try await service.makeAccount()
        let endpoint = try await service.store.webhookEndpoints.create(
            NewWebhookEndpoint(accountId: account.id, url: "https://hooks.acme.test/", description: nil, events: ["*"]),
            secret: "whsec_x", now: service.clock.now())
        let request = try await service.store.portRequests.create(
            NewPortRequest(accountId: account.id, groupId: "grp_1", draft: PortRequestDraft(numbers: ["+12175220142"]),
                           numberType: .geographic, losingCarrier: CarrierRef(spid: "1234", name: "Granite Telephone")),
            now: service.clock.now())
        let notification = PortNotification(type: .submitted, request: request, at: service.clock.now(), previousStatus: .draft)
        try await service.store.transaction { tx in try await tx.enqueueWebhooks(notification) }
        return try #require(try await service.store.webhookDeliveries.list(endpointId: endpoint.id, accountId: account.id, status: nil,
                                                                            page: PageRequest()).items.first)
    }

    @Test("the body is snake_case with sorted keys, every key present (null when empty)")
    func bodyShape() async throws {
        try await TestService.with(.sqlite) { service in
            let delivery = try await Self.delivery(service)
            let text = String(decoding: delivery.payload, as: UTF8.self)
            let json = try #require(try JSONSerialization.jsonObject(with: delivery.payload) as? [String: Any])
            #expect(Set(json.keys) == ["id", "type", "created_at", "data"])
            #expect(json["id"] as? String == delivery.eventId)
            #expect(json["type"] as? String == "port_request.submitted")
            #expect(json["created_at"] as? String == "2027-03-01T15:00:00.000Z")
            let data = try #require(json["data"] as? [String: Any])
            let keys = ["account_id", "comment", "customer_reference", "foc_date", "losing_carrier_name", "message", "number_type",
                        "numbers", "pon", "previous_status", "reasons", "request_id", "status", "version"]
            #expect(data.keys.sorted() == keys)
            #expect(data["foc_date"] is NSNull && data["comment"] is NSNull)
            #expect(data["losing_carrier_name"] as? String == "Granite Telephone")
            #expect(data["previous_status"] as? String == "draft")
            #expect(data["numbers"] as? [String] == ["+12175220142"])
            // Sorted keys: each appears after the one before it.
            let positions = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.count == keys.count)
            #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 })
            #expect(!text.contains("pin"))
        }
    }

    @Test("PORTIN_WEBHOOKS_ALLOW_PRIVATE: true by default, false when set so, a bad value reported")
    func configuration() throws {
        #expect(try ServerConfiguration(environment: [:]).webhooksAllowPrivate)
        #expect(try ServerConfiguration(environment: ["PORTIN_WEBHOOKS_ALLOW_PRIVATE": "false"]).webhooksAllowPrivate == false)
        #expect(try ServerConfiguration(environment: [:], dotEnv: "PORTIN_WEBHOOKS_ALLOW_PRIVATE=off").webhooksAllowPrivate == false)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["PORTIN_WEBHOOKS_ALLOW_PRIVATE": "sometimes"]) }
    }
}
