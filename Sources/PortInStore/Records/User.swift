import Foundation

/// Who a user is: the porting team (no account) or a customer of one account.
public enum UserRole: String, Sendable, Hashable, Codable, CaseIterable {
    case ops
    case customer
}

/// A person who signs in with email and password.
public struct User: Sendable, Hashable {
    public var id: String
    /// Nil for ops users, who act across accounts.
    public var accountId: String?
    /// Stored lower-cased; unique.
    public var email: String
    public var role: UserRole
    /// `PasswordHasher` output.
    public var passwordHash: String
    public var failedLoginCount: Int
    public var lockedUntil: Date?
    public var createdAt: Date
}
