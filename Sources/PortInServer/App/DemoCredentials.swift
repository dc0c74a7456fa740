import Foundation
import PortInCore
import PortInStore

/// The demo account and ops user made on the first start of the embedded default. Kept in
/// `<data>/demo-credentials.json` (mode 0600) so every start can print them: tokens are stored
/// hashed in the database and could not be shown again otherwise. Local demo data only.
public struct DemoCredentials: Sendable, Hashable, Codable {
    public var accountId: String
    public var authId: String
    public var authToken: String
    public var customerEmail: String
    public var customerPassword: String
    public var opsEmail: String
    public var opsPassword: String
    public var opsAuthId: String
    public var opsAuthToken: String

    enum CodingKeys: String, CodingKey {
        case accountId = "account_id"
        case authId = "auth_id"
        case authToken = "auth_token"
        case customerEmail = "customer_email"
        case customerPassword = "customer_password"
        case opsEmail = "ops_email"
        case opsPassword = "ops_password"
        case opsAuthId = "ops_auth_id"
        case opsAuthToken = "ops_auth_token"
    }

    static let fileName = "demo-credentials.json"
    static let opsEmail = "ops@portin.local"
    static let customerEmail = "demo@example.com"

    /// Loads the saved demo credentials, or creates the demo account and users and saves them.
    /// Nil when the demo users exist but their file was removed (nothing to show, nothing recreated).
    static func ensure(store: Store, dataDirectory: URL, clock: any PortInClock) async throws -> DemoCredentials? {
        let file = dataDirectory.appendingPathComponent(fileName)
        if let data = try? Data(contentsOf: file), let saved = try? JSONDecoder().decode(DemoCredentials.self, from: data) {
            return saved
        }
        guard try await store.users.find(email: opsEmail) == nil else { return nil }
        let now = clock.now()
        let hasher = PasswordHasher()
        let customerPassword = AuthToken.generate().prefix(16)
        let opsPassword = AuthToken.generate().prefix(16)
        let credentials = try await store.transaction { tx in
            let account = try await tx.accounts.create(name: "Demo Company", plan: .standard, contactEmails: [customerEmail], now: now)
            _ = try await tx.users.create(accountId: account.account.id, email: customerEmail, role: .customer,
                                          passwordHash: hasher.hash(String(customerPassword)), now: now)
            let ops = try await tx.users.create(accountId: nil, email: opsEmail, role: .ops, passwordHash: hasher.hash(String(opsPassword)),
                                                now: now)
            let api = try await tx.users.issueAPICredentials(userId: ops.id)
            return DemoCredentials(accountId: account.account.id, authId: account.account.authId, authToken: account.authToken,
                                   customerEmail: customerEmail, customerPassword: String(customerPassword), opsEmail: opsEmail,
                                   opsPassword: String(opsPassword), opsAuthId: api.authId, opsAuthToken: api.authToken)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(credentials).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return credentials
    }
}
