import FluentKit
import Foundation
import SQLKit

/// A database handle (plain or inside a transaction) as the SQL repositories use it.
struct SQLStoreContext: Sendable {
    let database: any Database
    /// The read cache to invalidate on writes, when the store keeps one.
    let cache: RequestReadCache?
    /// Inside a grouped transaction: the inserts held back until it ends.
    let writeBehind: WriteBehind?

    /// Inside a transaction the store began itself (`Store.transaction`), which the driver does not know of.
    let inTransaction: Bool

    init(database: any Database, cache: RequestReadCache? = nil, writeBehind: WriteBehind? = nil, inTransaction: Bool = false) {
        self.database = database
        self.cache = cache
        self.writeBehind = writeBehind
        self.inTransaction = inTransaction
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// Runs `body` in a transaction, or in the enclosing one when already inside a transaction.
    func atomically<T: Sendable>(_ body: @escaping @Sendable (SQLStoreContext) async throws -> T) async throws -> T {
        let cache = self.cache
        let writeBehind = self.writeBehind
        defer { cache?.invalidate() }
        if inTransaction { return try await body(self) }
        return try await database.transaction {
            try await body(SQLStoreContext(database: $0, cache: cache, writeBehind: writeBehind, inTransaction: true))
        }
    }

    /// Marks cached reads stale (before a write, and again after its transaction ends).
    func wrote() {
        cache?.invalidate()
    }
}

/// Snake-case keys for row structs, and explicit NULLs so batch inserts keep one column list.
let rowDecoder = SQLRowDecoder(keyDecodingStrategy: ColumnNames.decoding)
let rowEncoder = SQLQueryEncoder(keyEncodingStrategy: ColumnNames.encoding, nilEncodingStrategy: .asNil)

/// JSON kept in TEXT columns: never filtered on by SQL, so the same column type works on both engines.
enum StoreJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// True when a driver error is a unique or foreign-key violation.
func isConstraintViolation(_ error: any Error) -> Bool {
    (error as? any DatabaseError)?.isConstraintFailure ?? false
}

/// Opaque list position: the last row's (created_at in milliseconds, id), base64url.
struct ListCursor: Sendable, Hashable {
    var millis: Int64
    var id: String

    init(millis: Int64, id: String) {
        self.millis = millis
        self.id = id
    }

    init(encoded: String) throws {
        guard let data = Data(base64URLEncoded: encoded), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":"), let millis = Int64(text[..<colon])
        else { throw StoreError.invalidCursor }
        self.init(millis: millis, id: String(text[text.index(after: colon)...]))
    }

    var encoded: String { Data("\(millis):\(id)".utf8).base64URLEncoded }
}

extension SQLSelectBuilder {
    /// Newest first, continuing after `cursor`. Timestamps are stored at whole milliseconds but an
    /// engine may hand them back a microsecond off, so "same instant" is the half-millisecond window.
    func page(after cursor: String?, limit: Int, timeColumn: String = "created_at", idColumn: String = "id") throws -> SQLSelectBuilder {
        var builder: SQLSelectBuilder = self
        if let cursor {
            let position = try ListCursor(encoded: cursor)
            let center = Double(position.millis) / 1000
            let low = Date(timeIntervalSince1970: center - 0.0005)
            let high = Date(timeIntervalSince1970: center + 0.0005)
            builder = builder.where { group in
                group.where(SQLIdentifier(timeColumn), .lessThan, SQLBind(low)).orWhere { same in
                    same.where(SQLIdentifier(timeColumn), .greaterThanOrEqual, SQLBind(low))
                        .where(SQLIdentifier(timeColumn), .lessThan, SQLBind(high))
                        .where(SQLIdentifier(idColumn), .lessThan, SQLBind(position.id))
                }
            }
        }
        return builder.orderBy(timeColumn, .descending).orderBy(idColumn, .descending).limit(limit + 1)
    }
}

/// Cuts the extra row fetched by `page(after:limit:)` into the next cursor.
func makePage<Item: Sendable>(_ rows: [Item], limit: Int, position: (Item) -> (Date, String)) -> Page<Item> {
    guard rows.count > limit else { return Page(items: rows, nextCursor: nil) }
    let items = Array(rows.prefix(limit))
    let (date, id) = position(items[items.count - 1])
    return Page(items: items, nextCursor: ListCursor(millis: date.storeMillis, id: id).encoded)
}
