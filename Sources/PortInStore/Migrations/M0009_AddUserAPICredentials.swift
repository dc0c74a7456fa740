import FluentKit

/// Ops users call the `/v1/ops/...` API with their own Basic credentials (`OP...` id and a token
/// stored as SHA-256), separate from their console password: a PBKDF2 check per API call would
/// cost ~0.5 s, and a leaked API token must be revocable without a password reset.
struct M0009_AddUserAPICredentials: AsyncMigration {
    var name: String { "M0009_AddUserAPICredentials" }

    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds only one at a time.
        try await database.schema("users").field("api_auth_id", .string).update()
        try await database.schema("users").field("api_token_hash", .data).update()
        try await createIndex(database, name: "users_api_auth_id", on: "users", columns: ["api_auth_id"], unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("api_token_hash").update()
        try await database.schema("users").deleteField("api_auth_id").update()
    }
}
