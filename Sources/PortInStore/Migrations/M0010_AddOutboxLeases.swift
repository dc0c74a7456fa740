import FluentKit
import SQLKit

/// Outbox messages are claimed with leases, like jobs, so several workers (processes on
/// PostgreSQL) deliver disjoint messages. A claim moves `next_attempt_at` to the lease's expiry:
/// the message is due again exactly when its worker's lease runs out, and the one
/// `(kind, status, next_attempt_at)` index finds both new and abandoned messages.
struct M0010_AddOutboxLeases: AsyncMigration {
    var name: String { "M0010_AddOutboxLeases" }

    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds only one at a time.
        try await database.schema("outbox_messages").field("lease_owner", .string).update()
        try await database.schema("outbox_messages").field("lease_expires_at", .datetime).update()
        try await createIndex(database, name: "outbox_kind_status_next", on: "outbox_messages",
                              columns: ["kind", "status", "next_attempt_at"])
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS \"outbox_kind_status_next\"").run()
        try await database.schema("outbox_messages").deleteField("lease_expires_at").update()
        try await database.schema("outbox_messages").deleteField("lease_owner").update()
    }
}
