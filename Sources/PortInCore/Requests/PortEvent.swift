import Foundation

/// One accepted status change: an append-only timeline entry.
public struct PortEvent: Sendable, Hashable, Codable {
    public let from: PortStatus
    public let to: PortStatus
    public let actor: PortActor
    public let at: Date
    /// Why it happened, trimmed; nil when none was given.
    public let reason: String?

    public init(from: PortStatus, to: PortStatus, actor: PortActor, at: Date, reason: String?) {
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.reason = reason
    }
}
