import FluentKit

/// Browser sign-in: sessions (only the SHA-256 of the id in the cookie is stored) and failed
/// sign-ins per email for the lockout. Emails are throttled whether or not a user has them.
struct M0013_CreateWebSessions: AsyncMigration {
    var name: String { "M0013_CreateWebSessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .field("id", .string, .identifier(auto: false))
            .field("token_hash", .data, .required)
            .field("user_id", .string, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await createIndex(database, name: "web_sessions_user", on: "web_sessions", columns: ["user_id"])
        try await createIndex(database, name: "web_sessions_last_seen", on: "web_sessions", columns: ["last_seen_at"])

        try await database.schema("login_throttles")
            .field("email", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_started_at", .datetime, .required)
            .field("locked_until", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_throttles").delete()
        try await database.schema("web_sessions").delete()
    }
}
