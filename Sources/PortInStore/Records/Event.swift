import Foundation
import PortInCore

/// An append-only timeline entry of a port request.
public struct Event: Sendable, Hashable {
    public var id: String
    public var requestId: String
    public var accountId: String
    /// `status_changed`, `comment_added`, `document_added`, `carrier_event`, ...
    public var type: String
    public var from: PortStatus?
    public var to: PortStatus?
    public var actor: PortActor
    public var reason: String?
    /// JSON object with event-specific details, when any.
    public var payload: Data?
    public var at: Date
}

/// An event to append.
public struct NewEvent: Sendable {
    public var requestId: String
    public var accountId: String
    public var type: String
    public var from: PortStatus?
    public var to: PortStatus?
    public var actor: PortActor
    public var reason: String?
    public var payload: Data?
    public var at: Date

    public init(requestId: String, accountId: String, type: String, from: PortStatus? = nil, to: PortStatus? = nil,
                actor: PortActor, reason: String? = nil, payload: Data? = nil, at: Date) {
        self.requestId = requestId
        self.accountId = accountId
        self.type = type
        self.from = from
        self.to = to
        self.actor = actor
        self.reason = reason
        self.payload = payload
        self.at = at
    }
}
