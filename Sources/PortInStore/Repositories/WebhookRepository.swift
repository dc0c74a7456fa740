import Foundation

/// Customers' webhook endpoints. Every read and write takes the account id, except the ones the
/// delivery worker and the outbox use, which say so.
public protocol WebhookEndpointRepository: Sendable {
    /// Stores the endpoint with `secret` sealed (the clear secret is never written).
    func create(_ endpoint: NewWebhookEndpoint, secret: String, now: Date) async throws -> WebhookEndpoint
    func find(id: String, accountId: String) async throws -> WebhookEndpoint?
    /// Newest first.
    func list(accountId: String, page: PageRequest) async throws -> Page<WebhookEndpoint>
    func count(accountId: String) async throws -> Int
    /// The account's enabled endpoints subscribed to `event` (or to every event), oldest first.
    func subscribed(accountId: String, event: String) async throws -> [WebhookEndpoint]
    /// Applies `update`; disabling an endpoint fails its pending deliveries. Nil when not found.
    func update(id: String, accountId: String, _ update: WebhookEndpointUpdate, now: Date) async throws -> WebhookEndpoint?
    /// Replaces the secret (sealed); nil when not found.
    func rotateSecret(id: String, accountId: String, secret: String, now: Date) async throws -> WebhookEndpoint?
    /// The clear secret, to sign a delivery; nil when not found.
    func revealSecret(id: String, accountId: String) async throws -> String?
    /// Deletes the endpoint with its deliveries and their attempts; false when not found.
    func delete(id: String, accountId: String) async throws -> Bool
}

/// Webhook deliveries and their attempts.
public protocol WebhookDeliveryRepository: Sendable {
    /// Queues deliveries due at `now`.
    func enqueue(_ deliveries: [NewWebhookDelivery], now: Date) async throws -> [StoredWebhookDelivery]
    /// Leases up to `limit` pending deliveries due at `now` (not leased, or with an expired lease)
    /// whose endpoint is enabled. Concurrent claimers never get the same delivery.
    func claimDue(now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [StoredWebhookDelivery]
    /// Records an attempt (always) and, while `leaseOwner` still holds the delivery, applies
    /// `outcome` and releases the lease. False when the lease was lost (a redelivery was requested
    /// meanwhile, or it expired and another worker took the delivery): the delivery is left to them.
    func recordAttempt(_ attempt: WebhookAttempt, responseBody: String?, outcome: WebhookAttemptOutcome, leaseOwner: String)
        async throws -> Bool
    func find(id: String, accountId: String) async throws -> StoredWebhookDelivery?
    /// An endpoint's deliveries, newest first, optionally in one status.
    func list(endpointId: String, accountId: String, status: WebhookDeliveryStatus?, page: PageRequest) async throws
        -> Page<StoredWebhookDelivery>
    /// A delivery's attempts, oldest first (empty when the delivery is not the account's).
    func attempts(deliveryId: String, accountId: String) async throws -> [WebhookAttempt]
    /// Queues the delivery again now, whatever its status, with a fresh retry window; nil when not found.
    func redeliver(id: String, accountId: String, now: Date) async throws -> StoredWebhookDelivery?
}
