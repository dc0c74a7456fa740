import FluentKit

/// One hold of SQLite's writer connection for several transactions in a row. Each transaction
/// taken from the pool costs hand-offs to the pool's event loop and to a task of the driver's
/// before its `BEGIN`; a writer that has many transactions queued (groups of carrier events)
/// pays that once per lease instead. Other writers wait for the connection meanwhile, so a
/// lease is meant to be short (see `IngestGroups.maxLease`). On PostgreSQL, where there is no
/// single writer, each transaction still takes a connection of its own.
public struct WriterLease: Sendable {
    let store: Store
    /// The held connection; nil where transactions take their own.
    let connection: (any Database)?

    /// `Store.transaction` on the held connection.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        try await store.transaction(on: connection, body)
    }

    /// `Store.groupedTransaction` on the held connection.
    public func groupedTransaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        try await store.groupedTransaction(on: connection, body)
    }
}

extension Store {
    /// Runs `body` holding the writer connection (SQLite), on the writer's thread. Inside it, write
    /// only through the lease: any other write waits for the connection the lease holds.
    public func withWriterLease<T: Sendable>(_ body: @escaping @Sendable (WriterLease) async throws -> T) async throws -> T {
        guard let executor = writerExecutor else { return try await body(WriterLease(store: self, connection: nil)) }
        let store = self
        return try await withTaskExecutorPreference(executor) {
            try await makeDatabase().withConnection { connection in
                // Again: the pool hands out the connection in a task of its own.
                try await withTaskExecutorPreference(executor) { try await body(WriterLease(store: store, connection: connection)) }
            }
        }
    }
}
