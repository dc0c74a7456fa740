import FluentKit

/// First responses to POSTs carrying an `Idempotency-Key`, unique per account and key.
struct M0005_CreateIdempotencyRecords: AsyncMigration {
    var name: String { "M0005_CreateIdempotencyRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema("idempotency_records")
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("response_status", .int, .required)
            .field("response_body", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "account_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_records").delete()
    }
}
