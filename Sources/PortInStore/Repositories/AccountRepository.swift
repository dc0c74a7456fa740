import Foundation

/// Accounts and their API credentials.
public protocol AccountRepository: Sendable {
    /// Creates an account with fresh credentials; the returned token is never stored in clear.
    func create(name: String, plan: AccountPlan, contactEmails: [String], now: Date) async throws -> CreatedAccount
    func find(id: String) async throws -> Account?
    /// The account whose `auth_id` is `authId` and whose token hash matches `token` (constant-time).
    func authenticate(authId: String, token: String) async throws -> Account?
    /// Ops: all accounts, newest first.
    func list(page: PageRequest) async throws -> Page<Account>
    /// Ops search: accounts whose name contains `text` (case-insensitive), by name, at most `limit`.
    func search(name text: String, limit: Int) async throws -> [Account]
}

/// Users who sign in with email and password.
public protocol UserRepository: Sendable {
    func create(accountId: String?, email: String, role: UserRole, passwordHash: String, now: Date) async throws -> User
    /// Case-insensitive.
    func find(email: String) async throws -> User?
    func find(id: String) async throws -> User?
    /// Counts a failed sign-in and sets (or keeps) the lock.
    func recordFailedLogin(id: String, lockedUntil: Date?) async throws
    /// Clears the failure count and lock after a successful sign-in.
    func recordSuccessfulLogin(id: String) async throws
    /// Issues (or replaces) the user's API credentials; the token is returned once and stored hashed.
    func issueAPICredentials(userId: String) async throws -> APICredentials
    /// The user whose API auth id is `authId` and whose token matches (constant-time).
    func authenticateAPI(authId: String, token: String) async throws -> User?
}

/// API credentials in clear, the only time the token exists so.
public struct APICredentials: Sendable, Hashable {
    public let authId: String
    public let authToken: String
}
