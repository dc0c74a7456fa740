import Foundation
import SQLKit
import Synchronization

/// Inserts held back until the end of a grouped transaction (`Store.groupedTransaction`) and then
/// written as one multi-row statement per table: many small changes in one transaction cost a few
/// statements instead of one each. Only append-only rows that nothing in the same transaction reads
/// back go through it (events, jobs, outbox messages, webhook deliveries). It also remembers the
/// account and webhook-endpoint reads of the transaction, which nothing in it changes.
final class WriteBehind: Sendable {
    private struct State {
        /// Tables in first-use order, each with its rows in insertion order.
        var tables: [String] = []
        var rows: [String: [any Encodable & Sendable]] = [:]
        var accounts: [String: Account?] = [:]
        var endpoints: [String: [WebhookEndpoint]] = [:]
    }

    private let state = Mutex(State())

    func add(_ row: some Encodable & Sendable, into table: String) {
        state.withLock { state in
            if state.rows[table] == nil {
                state.tables.append(table)
                state.rows[table] = []
            }
            state.rows[table]!.append(row)
        }
    }

    func add(_ rows: [some Encodable & Sendable], into table: String) {
        for row in rows { add(row, into: table) }
    }

    func account(id: String, read: () async throws -> Account?) async throws -> Account? {
        if let known = state.withLock({ $0.accounts[id] }) { return known }
        let account = try await read()
        state.withLock { $0.accounts[id] = .some(account) }
        return account
    }

    func endpoints(accountId: String, read: () async throws -> [WebhookEndpoint]) async throws -> [WebhookEndpoint] {
        if let known = state.withLock({ $0.endpoints[accountId] }) { return known }
        let endpoints = try await read()
        state.withLock { $0.endpoints[accountId] = endpoints }
        return endpoints
    }

    /// Writes every held row: one `INSERT` per table and at most `chunk` rows per statement.
    func flush(to sql: any SQLDatabase, chunk: Int = 200) async throws {
        let (tables, rows) = state.withLock { state in
            let taken = (state.tables, state.rows)
            state = State(accounts: state.accounts, endpoints: state.endpoints)
            return taken
        }
        for table in tables {
            let all = rows[table] ?? []
            var start = 0
            while start < all.count {
                let slice = all[start..<min(all.count, start + chunk)].map(AnyRow.init)
                try await sql.insert(into: table).models(Array(slice), with: rowEncoder).run()
                start += chunk
            }
        }
    }
}

/// Encodes as the row it wraps (same keys, same explicit NULLs), so rows of one table go out together.
private struct AnyRow: Encodable, Sendable {
    let row: any Encodable & Sendable
    func encode(to encoder: any Encoder) throws { try row.encode(to: encoder) }
}
