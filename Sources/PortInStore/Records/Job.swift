import Foundation

/// A durable job's state. `dead` jobs wait for ops to retry them.
public enum JobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case queued
    case running
    case done
    case dead
}

/// A unit of background work stored in the database.
public struct Job: Sendable, Hashable {
    public var id: String
    public var kind: String
    /// JSON the job's handler decodes.
    public var payload: Data
    public var runAt: Date
    /// Claims so far (a claim counts as an attempt even if the worker dies).
    public var attempts: Int
    public var maxAttempts: Int
    public var status: JobStatus
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^(attempt-1))].
public struct JobBackoff: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 5, cap: TimeInterval = 3600) {
        self.base = base
        self.cap = cap
    }

    /// The ceiling for `attempt` (1-based) before jitter.
    public func ceiling(attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 62)))
        return min(cap, base * pow(2, exponent))
    }

    /// A jittered delay for `attempt`, drawn from `generator`.
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        Double.random(in: 0...ceiling(attempt: attempt), using: &generator)
    }
}
