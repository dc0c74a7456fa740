import FluentKit

/// What hangs off a request: documents, comments and the append-only event timeline.
struct M0003_CreateRequestRecords: AsyncMigration {
    var name: String { "M0003_CreateRequestRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema("documents")
            .field("id", .string, .identifier(auto: false))
            .field("request_id", .string, .required, .references("port_requests", "id", onDelete: .cascade))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("file_name", .string)
            .field("invoice_date", .string)
            .field("signed_by", .string)
            .field("signed_on", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "documents_request", on: "documents", columns: ["request_id", "created_at"])

        try await database.schema("comments")
            .field("id", .string, .identifier(auto: false))
            .field("request_id", .string, .required, .references("port_requests", "id", onDelete: .cascade))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("author", .string, .required)
            .field("author_id", .string)
            .field("visibility", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "comments_request", on: "comments", columns: ["request_id", "created_at"])

        try await database.schema("events")
            .field("id", .string, .identifier(auto: false))
            .field("request_id", .string, .required, .references("port_requests", "id", onDelete: .cascade))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("type", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string)
            .field("actor_kind", .string, .required)
            .field("actor_id", .string)
            .field("reason", .string)
            .field("payload", .string)
            .field("at", .datetime, .required)
            .create()
        try await createIndex(database, name: "events_request", on: "events", columns: ["request_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").delete()
        try await database.schema("comments").delete()
        try await database.schema("documents").delete()
    }
}
