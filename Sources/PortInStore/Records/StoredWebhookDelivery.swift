import Foundation

/// Where a delivery stands. A delivery being attempted stays `pending` (with a lease).
public enum WebhookDeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case delivered
    /// Retries ran out (the retry window passed) or the endpoint was disabled; redeliverable.
    case failed
}

/// One event for one endpoint: the exact JSON body, fixed when it was queued, and how sending it went.
public struct StoredWebhookDelivery: Sendable, Hashable {
    public var id: String
    public var accountId: String
    public var endpointId: String
    /// The notification's id: the same for every endpoint and every retry (receivers dedupe on it).
    public var eventId: String
    public var eventType: String
    public var requestId: String?
    public var payload: Data
    public var status: WebhookDeliveryStatus
    /// Every attempt ever made (the rows of `attempts(deliveryId:accountId:)`).
    public var attempts: Int
    /// Attempts since the delivery was queued or last redelivered: the backoff exponent.
    public var roundAttempts: Int
    /// The first attempt since it was queued or last redelivered: retries stop a window after it.
    public var roundStartedAt: Date?
    public var nextAttemptAt: Date
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var lastResponseStatus: Int?
    /// The start of the last response's body (at most `StoredWebhookDelivery.maxResponseBodyBytes`).
    public var lastResponseBody: String?
    public var lastError: String?
    public var deliveredAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    /// How much of a response body is kept.
    public static let maxResponseBodyBytes = 2048
}

/// A delivery to queue (in the transaction of the change that caused it).
public struct NewWebhookDelivery: Sendable, Hashable {
    public var accountId: String
    public var endpointId: String
    public var eventId: String
    public var eventType: String
    public var requestId: String?
    public var payload: Data

    public init(accountId: String, endpointId: String, eventId: String, eventType: String, requestId: String?, payload: Data) {
        self.accountId = accountId
        self.endpointId = endpointId
        self.eventId = eventId
        self.eventType = eventType
        self.requestId = requestId
        self.payload = payload
    }
}

/// One POST to the endpoint and what came back.
public struct WebhookAttempt: Sendable, Hashable {
    public var deliveryId: String
    public var at: Date
    /// nil when no HTTP answer came (timeout, refused connection, refused target).
    public var responseStatus: Int?
    public var durationMs: Int
    public var error: String?

    public init(deliveryId: String, at: Date, responseStatus: Int?, durationMs: Int, error: String?) {
        self.deliveryId = deliveryId
        self.at = at
        self.responseStatus = responseStatus
        self.durationMs = durationMs
        self.error = error
    }
}

/// What an attempt decided for its delivery.
public enum WebhookAttemptOutcome: Sendable, Hashable {
    case delivered
    case retry(at: Date)
    case failed
}
