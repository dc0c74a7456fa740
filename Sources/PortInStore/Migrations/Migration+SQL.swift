import FluentKit
import SQLKit

/// Index creation, which Fluent's schema builder does not cover. `IF NOT EXISTS` and the
/// `WHERE` clause of a partial index are spelled the same on SQLite and PostgreSQL.
func createIndex(_ database: any Database, name: String, on table: String, columns: [String], unique: Bool = false,
                 where predicate: String? = nil) async throws {
    let sql = database as! any SQLDatabase
    let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    var text = "CREATE \(unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \"\(name)\" ON \"\(table)\" (\(quoted))"
    if let predicate { text += " WHERE \(predicate)" }
    try await sql.raw(SQLQueryString(text)).run()
}

/// All migrations in order. Append only: a released migration is never edited.
func storeMigrations() -> [any Migration] {
    [
        M0001_CreateAccounts(),
        M0002_CreatePortRequests(),
        M0003_CreateRequestRecords(),
        M0004_CreateInventory(),
        M0005_CreateIdempotencyRecords(),
        M0006_CreateJobs(),
        M0007_CreateOutbox(),
        M0008_CreateCarrierEventReceipts(),
        M0009_AddUserAPICredentials(),
        M0010_AddOutboxLeases(),
        M0011_CreateWebhooks(),
        M0012_IndexEventTypes(),
        M0013_CreateWebSessions(),
        M0014_CreateLOASigning(),
        M0015_CreateLOATemplates(),
    ]
}
