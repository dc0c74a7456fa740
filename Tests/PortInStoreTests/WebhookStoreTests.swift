import Foundation
import Testing
@testable import PortInStore

@Suite struct WebhookStoreTests {
    static let secret = "whsec_store-test-0123456789abcdef"

    static func endpoint(_ account: Account, url: String = "https://hooks.acme.test/portin", events: [String] = ["*"],
                         enabled: Bool = true) -> NewWebhookEndpoint {
        NewWebhookEndpoint(accountId: account.id, url: url, description: "main", events: events, enabled: enabled)
    }

    static func delivery(_ endpoint: WebhookEndpoint, event: String = "evt_1", type: String = "port_request.submitted")
        -> NewWebhookDelivery {
        NewWebhookDelivery(accountId: endpoint.accountId, endpointId: endpoint.id, eventId: event, eventType: type, requestId: "pr_1",
                           payload: Data(#"{"id":"\#(event)","type":"\#(type)"}"#.utf8))
    }

    @Test(arguments: TestBackend.available)
    func endpointsAreScopedAndTheSecretIsSealed(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let acme = try await makeAccount(store, name: "Acme")
            let other = try await makeAccount(store, name: "Other")
            let created = try await store.webhookEndpoints.create(Self.endpoint(acme, events: ["port_request.completed"]),
                                                                  secret: Self.secret, now: t0)
            #expect(created.id.hasPrefix("whk_"))
            #expect(created.events == ["port_request.completed"])
            #expect(try await store.webhookEndpoints.find(id: created.id, accountId: acme.id) == created)
            #expect(try await store.webhookEndpoints.find(id: created.id, accountId: other.id) == nil)
            #expect(try await store.webhookEndpoints.list(accountId: other.id, page: PageRequest()).items.isEmpty)
            #expect(try await store.webhookEndpoints.revealSecret(id: created.id, accountId: other.id) == nil)
            #expect(try await store.webhookEndpoints.revealSecret(id: created.id, accountId: acme.id) == Self.secret)
            #expect(!(try await runtime.textDump()).contains(Self.secret))

            let rotated = "whsec_rotated-fedcba9876543210"
            #expect(try await store.webhookEndpoints.rotateSecret(id: created.id, accountId: other.id, secret: rotated, now: t0) == nil)
            #expect(try await store.webhookEndpoints.rotateSecret(id: created.id, accountId: acme.id, secret: rotated,
                                                                  now: t0.addingTimeInterval(5))?.updatedAt == t0.addingTimeInterval(5))
            #expect(try await store.webhookEndpoints.revealSecret(id: created.id, accountId: acme.id) == rotated)
            #expect(!(try await runtime.textDump()).contains(rotated))

            // A store opened with another key cannot read the secret.
            let wrongKey = try SecretBox(base64Key: SecretBox.generateKey())
            let foreign = Store(makeDatabase: store.makeDatabase, secretBox: wrongKey)
            await #expect(throws: StoreError.secretUnreadable) {
                try await foreign.webhookEndpoints.revealSecret(id: created.id, accountId: acme.id)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func listsPageNewestFirstAndUpdatesKeepWhatIsNotChanged(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let acme = try await makeAccount(store)
            var ids: [String] = []
            for index in 0..<5 {
                ids.append(try await store.webhookEndpoints.create(Self.endpoint(acme, url: "https://h\(index).acme.test/"),
                                                                   secret: Self.secret, now: t0.addingTimeInterval(Double(index))).id)
            }
            let first = try await store.webhookEndpoints.list(accountId: acme.id, page: PageRequest(limit: 2))
            let second = try await store.webhookEndpoints.list(accountId: acme.id, page: PageRequest(limit: 2, cursor: first.nextCursor))
            let third = try await store.webhookEndpoints.list(accountId: acme.id, page: PageRequest(limit: 2, cursor: second.nextCursor))
            #expect((first.items + second.items + third.items).map(\.id) == ids.reversed())
            #expect(third.nextCursor == nil)
            #expect(try await store.webhookEndpoints.count(accountId: acme.id) == 5)

            let updated = try #require(try await store.webhookEndpoints.update(id: ids[0], accountId: acme.id,
                                                                               WebhookEndpointUpdate(description: .some(nil),
                                                                                                     events: ["port_request.completed"]),
                                                                               now: t0.addingTimeInterval(60)))
            #expect(updated.description == nil)
            #expect(updated.events == ["port_request.completed"])
            #expect(updated.url == "https://h0.acme.test/")
            #expect(updated.enabled)
            #expect(updated.updatedAt == t0.addingTimeInterval(60))
            let other = try await makeAccount(store, name: "Other")
            #expect(try await store.webhookEndpoints.update(id: ids[0], accountId: other.id, WebhookEndpointUpdate(enabled: false),
                                                            now: t0) == nil)
            #expect(try await store.webhookEndpoints.delete(id: ids[0], accountId: other.id) == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyEnabledSubscribedEndpointsAreChosen(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let acme = try await makeAccount(store)
            let other = try await makeAccount(store, name: "Other")
            let all = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let completed = try await store.webhookEndpoints.create(Self.endpoint(acme, events: ["port_request.completed"]),
                                                                    secret: Self.secret, now: t0.addingTimeInterval(1))
            _ = try await store.webhookEndpoints.create(Self.endpoint(acme, enabled: false), secret: Self.secret, now: t0)
            _ = try await store.webhookEndpoints.create(Self.endpoint(other), secret: Self.secret, now: t0)
            #expect(try await store.webhookEndpoints.subscribed(accountId: acme.id, event: "port_request.completed").map(\.id)
                == [all.id, completed.id])
            #expect(try await store.webhookEndpoints.subscribed(accountId: acme.id, event: "port_request.submitted").map(\.id) == [all.id])
        }
    }

    @Test(arguments: TestBackend.available)
    func claimsLeaseDueDeliveriesAndAttemptsAreRecorded(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let acme = try await makeAccount(store)
            let endpoint = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let queued = try await store.transaction { tx in
                try await tx.webhookDeliveries.enqueue([Self.delivery(endpoint)], now: t0)
            }
            let delivery = try #require(queued.first)
            #expect(delivery.id.hasPrefix("whd_"))
            #expect(delivery.status == .pending)

            let claimed = try await store.webhookDeliveries.claimDue(now: t0, limit: 10, leaseOwner: "w1", leaseSeconds: 60)
            #expect(claimed.map(\.id) == [delivery.id])
            #expect(claimed.first?.payload == delivery.payload)
            #expect(claimed.first?.leaseExpiresAt == t0.addingTimeInterval(60))
            // Leased: nobody else gets it until the lease runs out.
            #expect(try await store.webhookDeliveries.claimDue(now: t0.addingTimeInterval(30), limit: 10, leaseOwner: "w2",
                                                               leaseSeconds: 60).isEmpty)

            let longBody = String(repeating: "é", count: 3000)
            let failed = WebhookAttempt(deliveryId: delivery.id, at: t0, responseStatus: 500, durationMs: 12, error: nil)
            #expect(try await store.webhookDeliveries.recordAttempt(failed, responseBody: longBody,
                                                                    outcome: .retry(at: t0.addingTimeInterval(30)), leaseOwner: "w1"))
            let retrying = try #require(try await store.webhookDeliveries.find(id: delivery.id, accountId: acme.id))
            #expect(retrying.status == .pending)
            #expect(retrying.attempts == 1)
            #expect(retrying.roundAttempts == 1)
            #expect(retrying.roundStartedAt == t0)
            #expect(retrying.leaseOwner == nil)
            #expect(retrying.lastResponseStatus == 500)
            #expect(retrying.lastResponseBody?.utf8.count == 2048)
            #expect(retrying.lastResponseBody.map { longBody.hasPrefix($0) } == true)
            #expect(try await store.webhookDeliveries.claimDue(now: t0.addingTimeInterval(29), limit: 10, leaseOwner: "w1",
                                                               leaseSeconds: 60).isEmpty)

            let again = try await store.webhookDeliveries.claimDue(now: t0.addingTimeInterval(30), limit: 10, leaseOwner: "w2",
                                                                   leaseSeconds: 60)
            #expect(again.map(\.id) == [delivery.id])
            // A worker that lost the lease still has its attempt recorded, but does not decide.
            let stale = WebhookAttempt(deliveryId: delivery.id, at: t0.addingTimeInterval(31), responseStatus: nil, durationMs: 10_000,
                                       error: "timed out")
            #expect(try await store.webhookDeliveries.recordAttempt(stale, responseBody: nil, outcome: .failed, leaseOwner: "w1") == false)
            let ok = WebhookAttempt(deliveryId: delivery.id, at: t0.addingTimeInterval(32), responseStatus: 204, durationMs: 3, error: nil)
            #expect(try await store.webhookDeliveries.recordAttempt(ok, responseBody: "", outcome: .delivered, leaseOwner: "w2"))
            let done = try #require(try await store.webhookDeliveries.find(id: delivery.id, accountId: acme.id))
            #expect(done.status == .delivered)
            #expect(done.deliveredAt == t0.addingTimeInterval(32))
            #expect(done.attempts == 3)
            #expect(done.roundStartedAt == t0)
            let attempts = try await store.webhookDeliveries.attempts(deliveryId: delivery.id, accountId: acme.id)
            #expect(attempts.map(\.responseStatus) == [500, nil, 204])
            #expect(attempts.map(\.error) == [nil, "timed out", nil])
            #expect(attempts.map(\.durationMs) == [12, 10_000, 3])
            #expect(try await store.webhookDeliveries.claimDue(now: t0.addingTimeInterval(3600), limit: 10, leaseOwner: "w1",
                                                               leaseSeconds: 60).isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func redeliverRequeuesWithAFreshWindowAndIsScoped(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let acme = try await makeAccount(store)
            let other = try await makeAccount(store, name: "Other")
            let endpoint = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let delivery = try #require(try await store.webhookDeliveries.enqueue([Self.delivery(endpoint)], now: t0).first)
            _ = try await store.webhookDeliveries.claimDue(now: t0, limit: 1, leaseOwner: "w", leaseSeconds: 60)
            let attempt = WebhookAttempt(deliveryId: delivery.id, at: t0, responseStatus: 410, durationMs: 5, error: nil)
            #expect(try await store.webhookDeliveries.recordAttempt(attempt, responseBody: "gone", outcome: .failed, leaseOwner: "w"))
            #expect(try await store.webhookDeliveries.find(id: delivery.id, accountId: acme.id)?.status == .failed)
            #expect(try await store.webhookDeliveries.claimDue(now: t0.addingTimeInterval(60), limit: 1, leaseOwner: "w",
                                                               leaseSeconds: 60).isEmpty)

            #expect(try await store.webhookDeliveries.redeliver(id: delivery.id, accountId: other.id, now: t0) == nil)
            #expect(try await store.webhookDeliveries.find(id: delivery.id, accountId: other.id) == nil)
            #expect(try await store.webhookDeliveries.attempts(deliveryId: delivery.id, accountId: other.id).isEmpty)
            #expect(try await store.webhookDeliveries.list(endpointId: endpoint.id, accountId: other.id, status: nil,
                                                           page: PageRequest()).items.isEmpty)

            let later = t0.addingTimeInterval(7200)
            let requeued = try #require(try await store.webhookDeliveries.redeliver(id: delivery.id, accountId: acme.id, now: later))
            #expect(requeued.status == .pending)
            #expect(requeued.nextAttemptAt == later)
            #expect(requeued.roundAttempts == 0)
            #expect(requeued.roundStartedAt == nil)
            #expect(requeued.attempts == 1)
            #expect(try await store.webhookDeliveries.claimDue(now: later, limit: 1, leaseOwner: "w", leaseSeconds: 60).map(\.id)
                == [delivery.id])
            // Redelivering while an attempt is in flight takes the lease away from it.
            #expect(try await store.webhookDeliveries.redeliver(id: delivery.id, accountId: acme.id, now: later) != nil)
            let inFlight = WebhookAttempt(deliveryId: delivery.id, at: later, responseStatus: 200, durationMs: 5, error: nil)
            #expect(try await store.webhookDeliveries.recordAttempt(inFlight, responseBody: nil, outcome: .delivered, leaseOwner: "w")
                == false)
            #expect(try await store.webhookDeliveries.find(id: delivery.id, accountId: acme.id)?.status == .pending)
        }
    }

    @Test(arguments: TestBackend.available)
    func disablingFailsPendingDeliveriesAndDeleteRemovesEverything(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let acme = try await makeAccount(store)
            let endpoint = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let keep = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let queued = try await store.webhookDeliveries.enqueue([Self.delivery(endpoint, event: "evt_1"),
                                                                    Self.delivery(endpoint, event: "evt_2"),
                                                                    Self.delivery(keep, event: "evt_1")], now: t0)
            let listed = try await store.webhookDeliveries.list(endpointId: endpoint.id, accountId: acme.id, status: .pending,
                                                                page: PageRequest())
            #expect(Set(listed.items.map(\.id)) == Set(queued.prefix(2).map(\.id)))

            _ = try await store.webhookEndpoints.update(id: endpoint.id, accountId: acme.id, WebhookEndpointUpdate(enabled: false), now: t0)
            let failed = try await store.webhookDeliveries.list(endpointId: endpoint.id, accountId: acme.id, status: .failed,
                                                                page: PageRequest())
            #expect(failed.items.count == 2)
            #expect(failed.items.allSatisfy { $0.lastError == "endpoint disabled" })
            // Redelivered to a disabled endpoint: queued, but not claimed until it is enabled again.
            _ = try await store.webhookDeliveries.redeliver(id: queued[0].id, accountId: acme.id, now: t0)
            #expect(try await store.webhookDeliveries.claimDue(now: t0, limit: 10, leaseOwner: "w", leaseSeconds: 60).map(\.id)
                == [queued[2].id])
            _ = try await store.webhookEndpoints.update(id: endpoint.id, accountId: acme.id, WebhookEndpointUpdate(enabled: true), now: t0)
            #expect(try await store.webhookDeliveries.claimDue(now: t0, limit: 10, leaseOwner: "w", leaseSeconds: 60).map(\.id)
                == [queued[0].id])

            let attempt = WebhookAttempt(deliveryId: queued[0].id, at: t0, responseStatus: 200, durationMs: 1, error: nil)
            _ = try await store.webhookDeliveries.recordAttempt(attempt, responseBody: nil, outcome: .delivered, leaseOwner: "w")
            #expect(try await store.webhookEndpoints.delete(id: endpoint.id, accountId: acme.id))
            #expect(try await store.webhookEndpoints.find(id: endpoint.id, accountId: acme.id) == nil)
            #expect(try await runtime.count("webhook_deliveries") == 1)
            #expect(try await runtime.count("webhook_delivery_attempts") == 0)
            #expect(try await store.webhookEndpoints.delete(id: endpoint.id, accountId: acme.id) == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentClaimersNeverShareADelivery(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let acme = try await makeAccount(store)
            let endpoint = try await store.webhookEndpoints.create(Self.endpoint(acme), secret: Self.secret, now: t0)
            let total = 40
            _ = try await store.webhookDeliveries.enqueue((0..<total).map { Self.delivery(endpoint, event: "evt_\($0)") }, now: t0)
            var seen: [String: Int] = [:]
            for round in 0..<3 {
                let deliveries = store.webhookDeliveries
                let a = Task { try await deliveries.claimDue(now: t0, limit: 6, leaseOwner: "a\(round)", leaseSeconds: 60) }
                let b = Task { try await deliveries.claimDue(now: t0, limit: 6, leaseOwner: "b\(round)", leaseSeconds: 60) }
                for delivery in try await a.value + b.value { seen[delivery.id, default: 0] += 1 }
            }
            #expect(seen.count == 3 * 12)
            #expect(seen.values.allSatisfy { $0 == 1 })
            let rest = try await store.webhookDeliveries.claimDue(now: t0, limit: 100, leaseOwner: "c", leaseSeconds: 60)
            #expect(seen.count + rest.count == total)
            #expect(Set(rest.map(\.id)).isDisjoint(with: seen.keys))
        }
    }
}
