import FluentKit
import Foundation
import SQLKit

extension StoreRuntime {
    /// Tests and ops checks: every value of a text column, read with plain SQL.
    public func rawText(column: String, from table: String) async throws -> [String?] {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLIdentifier(column)).from(table).all(decodingColumn: column, as: String?.self)
    }

    /// Tests: every value of a binary column, read with plain SQL.
    public func rawBytes(column: String, from table: String) async throws -> [Data?] {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLIdentifier(column)).from(table).all(decodingColumn: column, as: Data?.self)
    }

    /// Tests: the number of rows in `table`.
    public func count(_ table: String) async throws -> Int {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

extension StoreRuntime {
    /// Every table the store owns.
    public static let tables = ["accounts", "users", "port_requests", "request_numbers", "counters", "documents", "comments",
                                "events", "applications", "account_numbers", "idempotency_records", "jobs", "outbox_messages",
                                "carrier_event_receipts", "webhook_endpoints", "webhook_deliveries", "webhook_delivery_attempts",
                                "web_sessions", "login_throttles"]

    /// Tests and audits: every value of every column of every table as text (binary as lossy UTF-8),
    /// so a test can prove a secret is stored nowhere in clear.
    public func textDump() async throws -> String {
        let sql = store.makeDatabase() as! any SQLDatabase
        var out = ""
        for table in Self.tables {
            for row in try await sql.select().column("*").from(table).all() {
                for column in row.allColumns {
                    // NULLs and numbers decode as neither and hold no text.
                    if let text = try? row.decode(column: column, as: String.self) {
                        out += text + "\n"
                    } else if let bytes = try? row.decode(column: column, as: Data.self) {
                        out += String(decoding: bytes, as: UTF8.self) + "\n"
                    }
                }
            }
        }
        return out
    }
}
