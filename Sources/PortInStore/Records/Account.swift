import Foundation

/// What an account may do: trial accounts cannot create port requests.
public enum AccountPlan: String, Sendable, Hashable, Codable, CaseIterable {
    case trial
    case standard
}

/// A customer account. Holds its API credentials as a hash only.
public struct Account: Sendable, Hashable {
    public var id: String
    public var name: String
    public var plan: AccountPlan
    /// Public half of the API credentials (HTTP Basic user name).
    public var authId: String
    /// SHA-256 of the auth token; the token itself is shown once at creation.
    public var authTokenHash: Data
    public var contactEmails: [String]
    public var createdAt: Date
}

/// A new account together with its auth token, the only time the token exists in clear.
public struct CreatedAccount: Sendable {
    public let account: Account
    public let authToken: String
}
