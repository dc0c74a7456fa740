import FluentKit
import SQLKit

/// Ops lists events of one type across accounts (the alerts of the watchdogs), newest first.
struct M0012_IndexEventTypes: AsyncMigration {
    var name: String { "M0012_IndexEventTypes" }

    func prepare(on database: any Database) async throws {
        try await createIndex(database, name: "events_type_at", on: "events", columns: ["type", "at", "id"])
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS \"events_type_at\"").run()
    }
}
