import Foundation

/// The channel of an outgoing message.
public enum OutboxKind: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    case webhook
}

/// Delivery state of an outgoing message.
public enum OutboxStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case sent
    /// Gave up; visible to ops.
    case dead
}

/// A message written in the same transaction as the change that caused it, delivered afterwards.
public struct OutboxMessage: Sendable, Hashable {
    public var id: String
    public var kind: OutboxKind
    public var payload: Data
    public var status: OutboxStatus
    /// Claims and delivery attempts so far.
    public var attempts: Int
    /// When it is due; while leased, when the lease runs out (then another worker may claim it).
    public var nextAttemptAt: Date
    public var sentAt: Date?
    public var lastError: String?
    public var createdAt: Date
    /// The worker that claimed it last (`claimDue`), and until when.
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
}
