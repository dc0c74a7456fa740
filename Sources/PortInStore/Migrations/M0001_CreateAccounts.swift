import FluentKit

/// Accounts (API credentials hashed) and users (ops or one account's customers).
struct M0001_CreateAccounts: AsyncMigration {
    var name: String { "M0001_CreateAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("plan", .string, .required)
            .field("auth_id", .string, .required)
            .field("auth_token_hash", .data, .required)
            .field("contact_emails", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "auth_id")
            .create()
        try await database.schema("users")
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .string, .references("accounts", "id"))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("failed_login_count", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await createIndex(database, name: "users_account", on: "users", columns: ["account_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
        try await database.schema("accounts").delete()
    }
}
