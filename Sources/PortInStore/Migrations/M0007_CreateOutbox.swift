import FluentKit

/// Emails and webhooks written with the change that caused them, delivered after commit.
struct M0007_CreateOutbox: AsyncMigration {
    var name: String { "M0007_CreateOutbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_messages")
            .field("id", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "outbox_status_next", on: "outbox_messages", columns: ["status", "next_attempt_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_messages").delete()
    }
}
