import SQLKit
import Testing
@testable import PortInStore

@Suite("Column names")
struct ColumnNamesTests {
    private struct Row: Codable, Equatable {
        var id = "pr_1"
        var requestId = "pr_1"
        var leaseExpiresAt: Int? = nil
        var e164 = "+12175220000"
        var focDate = "2026-12-01"
        var requestURL = "https://example.test"
        var myURLProperty = 1
        var a = 2
    }

    /// The cached names must be exactly SQLKit's `convertToSnakeCase` (quirks included: it lowers only
    /// the first letter of a word, so "URL" stays "uRL"), which named every column until now.
    @Test("the cached column names are SQLKit's snake_case names, key for key")
    func sameAsSQLKit() throws {
        let ours = try rowEncoder.encode(Row()).map(\.0)
        let sqlKit = try SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).encode(Row()).map(\.0)
        #expect(ours == sqlKit)
        #expect(ours.prefix(5) == ["id", "request_id", "lease_expires_at", "e164", "foc_date"])
        #expect(ColumnNames.column(for: "leaseExpiresAt") == "lease_expires_at")  // from the cache now
    }

    @Test("the row decoder finds each key's column through the same names")
    func decoderRoundTrip() throws {
        struct Stored: SQLRow {
            let values: [String: any Encodable & Sendable]
            var allColumns: [String] { Array(values.keys) }
            func contains(column: String) -> Bool { values[column] != nil }
            func decodeNil(column: String) throws -> Bool { values[column] == nil }  // NULLs are encoded as literals, not binds
            func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
                guard let value = values[column] as? D else { throw DecodingError.valueNotFound(D.self, .init(codingPath: [], debugDescription: column)) }
                return value
            }
        }
        let row = Row(leaseExpiresAt: 7)
        let columns = try rowEncoder.encode(row)
        var values: [String: any Encodable & Sendable] = [:]
        for (name, expression) in columns {
            if let bind = expression as? SQLBind { values[name] = bind.encodable }
        }
        #expect(try Stored(values: values).decode(model: Row.self, with: rowDecoder) == row)
    }
}
