import FluentKit
import Foundation
import SQLKit

extension StoreRuntime {
    /// Tests and ops checks: every value of a text column, read with plain SQL.
    func rawText(column: String, from table: String) async throws -> [String?] {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLIdentifier(column)).from(table).all(decodingColumn: column, as: String?.self)
    }

    /// Tests: every value of a binary column, read with plain SQL.
    func rawBytes(column: String, from table: String) async throws -> [Data?] {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLIdentifier(column)).from(table).all(decodingColumn: column, as: Data?.self)
    }

    /// Tests: the number of rows in `table`.
    func count(_ table: String) async throws -> Int {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
