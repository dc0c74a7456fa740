import Foundation

/// A browser session. The session id itself lives only in the visitor's cookie: the database keeps
/// its SHA-256, so a leaked table cannot be replayed as cookies. Anonymous sessions (no `userId`)
/// carry the CSRF token of the sign-in form.
public struct WebSession: Sendable, Hashable {
    public var id: String
    public var tokenHash: Data
    /// Nil until someone signs in (the sign-in form's own session).
    public var userId: String?
    /// The synchronizer token every form of this session carries.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The absolute end, whatever the activity.
    public var expiresAt: Date

    public init(id: String, tokenHash: Data, userId: String?, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.userId = userId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// Failed sign-ins of one email address (whether or not a user has it, so the lock says nothing
/// about which addresses exist).
public struct LoginThrottle: Sendable, Hashable {
    public var email: String
    /// Failures since `windowStartedAt`.
    public var failures: Int
    public var windowStartedAt: Date
    public var lockedUntil: Date?

    public init(email: String, failures: Int, windowStartedAt: Date, lockedUntil: Date?) {
        self.email = email
        self.failures = failures
        self.windowStartedAt = windowStartedAt
        self.lockedUntil = lockedUntil
    }

    /// Locked at `now`.
    public func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }
}

/// The lockout rule: `limit` failures within `window` lock the email for `lockFor`.
public struct LoginThrottlePolicy: Sendable, Hashable {
    public var limit: Int
    public var window: TimeInterval
    public var lockFor: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 15 * 60, lockFor: TimeInterval = 15 * 60) {
        self.limit = max(1, limit)
        self.window = window
        self.lockFor = lockFor
    }
}
