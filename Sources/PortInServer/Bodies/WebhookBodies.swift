import Foundation
import PortInStore

/// A webhook endpoint. `secret` is set only in the response that created the endpoint or rotated
/// its secret; nowhere else (and not in an idempotent replay of those responses).
struct WebhookEndpointBody: Encodable {
    var id: String
    var url: String
    var description: String?
    var events: [String]
    var enabled: Bool
    var secret: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ endpoint: WebhookEndpoint, secret: String? = nil) {
        id = endpoint.id
        url = endpoint.url
        description = endpoint.description
        events = endpoint.events
        enabled = endpoint.enabled
        self.secret = secret
        createdAt = endpoint.createdAt
        updatedAt = endpoint.updatedAt
    }
}

/// A delivery of one event to one endpoint; with `attempt_log` and `payload` when read by itself.
struct WebhookDeliveryBody: Encodable {
    var id: String
    var webhookId: String
    var eventId: String
    var eventType: String
    var portRequestId: String?
    var status: WebhookDeliveryStatus
    var attempts: Int
    /// When the next attempt is due (pending deliveries only).
    var nextAttemptAt: Date?
    var lastResponseStatus: Int?
    var lastResponseBody: String?
    var lastError: String?
    var deliveredAt: Date?
    var createdAt: Date
    var updatedAt: Date
    /// The exact JSON body sent and signed.
    var payload: String?
    var attemptLog: [WebhookAttemptBody]?

    init(_ delivery: StoredWebhookDelivery, attempts log: [WebhookAttempt]? = nil) {
        id = delivery.id
        webhookId = delivery.endpointId
        eventId = delivery.eventId
        eventType = delivery.eventType
        portRequestId = delivery.requestId
        status = delivery.status
        attempts = delivery.attempts
        nextAttemptAt = delivery.status == .pending ? delivery.nextAttemptAt : nil
        lastResponseStatus = delivery.lastResponseStatus
        lastResponseBody = delivery.lastResponseBody
        lastError = delivery.lastError
        deliveredAt = delivery.deliveredAt
        createdAt = delivery.createdAt
        updatedAt = delivery.updatedAt
        if let log {
            payload = String(decoding: delivery.payload, as: UTF8.self)
            attemptLog = log.map(WebhookAttemptBody.init)
        }
    }
}

struct WebhookAttemptBody: Encodable {
    var at: Date
    var responseStatus: Int?
    var durationMs: Int
    var error: String?

    init(_ attempt: WebhookAttempt) {
        at = attempt.at
        responseStatus = attempt.responseStatus
        durationMs = attempt.durationMs
        error = attempt.error
    }
}

/// One event a webhook can subscribe to.
struct WebhookEventTypeBody: Encodable {
    var name: String
    var description: String
}
