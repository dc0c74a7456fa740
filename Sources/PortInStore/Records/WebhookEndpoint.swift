import Foundation

/// A customer's webhook endpoint. The signing secret is not part of this value: it is sealed in
/// the database and opened only to sign a delivery (`WebhookEndpointRepository.revealSecret`).
public struct WebhookEndpoint: Sendable, Hashable {
    public var id: String
    public var accountId: String
    public var url: String
    public var description: String?
    /// Event names (`port_request.completed`), or `["*"]` for every event.
    public var events: [String]
    public var enabled: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Whether a notification with webhook event `event` goes to this endpoint.
    public func isSubscribed(to event: String) -> Bool {
        events.contains(WebhookEndpoint.allEvents) || events.contains(event)
    }

    /// The subscription to every event.
    public static let allEvents = "*"
}

/// What a customer registers.
public struct NewWebhookEndpoint: Sendable, Hashable {
    public var accountId: String
    public var url: String
    public var description: String?
    public var events: [String]
    public var enabled: Bool

    public init(accountId: String, url: String, description: String?, events: [String], enabled: Bool = true) {
        self.accountId = accountId
        self.url = url
        self.description = description
        self.events = events
        self.enabled = enabled
    }
}

/// The fields a PATCH may change; nil keeps the stored value (`description` uses an inner nil to clear).
public struct WebhookEndpointUpdate: Sendable, Hashable {
    public var url: String?
    public var description: String??
    public var events: [String]?
    public var enabled: Bool?

    public init(url: String? = nil, description: String?? = nil, events: [String]? = nil, enabled: Bool? = nil) {
        self.url = url
        self.description = description
        self.events = events
        self.enabled = enabled
    }
}
