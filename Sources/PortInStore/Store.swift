import FluentKit
import Foundation
import SQLKit

/// The repositories bound to one database handle: inside `Store.transaction` every call shares
/// the transaction, so a status change, its event, jobs and outbox messages commit together.
public struct StoreTransaction: Sendable {
    public let accounts: any AccountRepository
    public let users: any UserRepository
    public let portRequests: any PortRequestRepository
    public let documents: any DocumentRepository
    public let comments: any CommentRepository
    public let events: any EventRepository
    public let applications: any ApplicationRepository
    public let numbers: any AccountNumberRepository
    public let idempotency: any IdempotencyRepository
    public let jobs: any JobQueue
    public let outbox: any OutboxRepository
    public let carrierEvents: any CarrierEventReceiptRepository
    public let webhookEndpoints: any WebhookEndpointRepository
    public let webhookDeliveries: any WebhookDeliveryRepository
    public let webSessions: any WebSessionRepository
    public let loginThrottles: any LoginThrottleRepository
    public let loaSigning: any LOASigningRepository
    public let loaTemplates: any LOATemplateRepository
    let writeBehind: WriteBehind?

    /// `inTransaction`: `database` is inside a transaction already begun, so repositories never begin one.
    init(database: any Database, secretBox: SecretBox, cache: RequestReadCache? = nil, writeBehind: WriteBehind? = nil,
         inTransaction: Bool = false) {
        self.writeBehind = writeBehind
        let context = SQLStoreContext(database: database, cache: cache, writeBehind: writeBehind, inTransaction: inTransaction)
        accounts = SQLAccountRepository(context: context)
        users = SQLUserRepository(context: context)
        portRequests = SQLPortRequestRepository(context: context, secretBox: secretBox)
        documents = SQLDocumentRepository(context: context)
        comments = SQLCommentRepository(context: context)
        events = SQLEventRepository(context: context)
        applications = SQLApplicationRepository(context: context)
        numbers = SQLAccountNumberRepository(context: context)
        idempotency = SQLIdempotencyRepository(context: context)
        jobs = SQLJobQueue(context: context)
        outbox = SQLOutboxRepository(context: context)
        carrierEvents = SQLCarrierEventReceiptRepository(context: context)
        webhookEndpoints = SQLWebhookEndpointRepository(context: context, secretBox: secretBox)
        webhookDeliveries = SQLWebhookDeliveryRepository(context: context)
        webSessions = SQLWebSessionRepository(context: context)
        loginThrottles = SQLLoginThrottleRepository(context: context)
        loaSigning = SQLLOASigningRepository(context: context)
        loaTemplates = SQLLOATemplateRepository(context: context)
    }
}

/// The persistence facade. Each repository call outside `transaction` commits on its own.
/// Inside a transaction use only the transaction's repositories (SQLite has one connection).
public struct Store: Sendable {
    let makeDatabase: @Sendable () -> any Database
    /// Read-only handles: a separate connection pool for SQLite files, the same pool otherwise.
    let makeReadDatabase: @Sendable () -> any Database
    let secretBox: SecretBox
    /// Kept only where this process makes every write (SQLite).
    let cache: RequestReadCache?
    /// SQLite: the writer connection's thread, where write transactions run (see `WriterExecutor`).
    let writerExecutor: WriterExecutor?

    init(makeDatabase: @escaping @Sendable () -> any Database, makeReadDatabase: (@Sendable () -> any Database)? = nil,
         secretBox: SecretBox, cache: RequestReadCache? = nil, writerExecutor: WriterExecutor? = nil) {
        self.makeDatabase = makeDatabase
        self.makeReadDatabase = makeReadDatabase ?? makeDatabase
        self.secretBox = secretBox
        self.cache = cache
        self.writerExecutor = writerExecutor
    }

    /// Runs `body` in one database transaction: all of its writes commit, or none do when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        try await transaction(on: nil, body)
    }

    /// `transaction` on `connection` when given (a `WriterLease`'s), else on a connection of its own.
    func transaction<T: Sendable>(on connection: (any Database)?,
                                  _ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let box = secretBox
        let cache = self.cache
        // Reads cached while the transaction ran may hold its uncommitted past: drop them once it ends.
        defer { cache?.invalidate() }
        return try await inWriteTransaction(on: connection) { database in
            try await body(StoreTransaction(database: database, secretBox: box, cache: cache, inTransaction: true))
        }
    }

    /// Runs `body` in a transaction on the writer. SQLite: the whole transaction, `BEGIN` and
    /// `COMMIT` included, runs on the writer connection's own thread (`WriterExecutor`). The pool
    /// hands out the connection in a task of its own, which does not inherit the preference, so it
    /// is set again there. The driver's own `transaction` would begin and commit in yet another
    /// task, off that thread, so the transaction is begun and ended here; the repositories know
    /// they are inside one (`StoreTransaction(inTransaction:)`) and never begin another.
    private func inWriteTransaction<T: Sendable>(on connection: (any Database)?,
                                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let executor = writerExecutor else { return try await (connection ?? makeDatabase()).transaction(body) }
        if let connection {
            return try await withTaskExecutorPreference(executor) { try await Self.begin(on: connection, body) }
        }
        return try await withTaskExecutorPreference(executor) {
            try await makeDatabase().withConnection { connection in
                try await withTaskExecutorPreference(executor) { try await Self.begin(on: connection, body) }
            }
        }
    }

    /// `BEGIN`, `body`, then `COMMIT`, or `ROLLBACK` when `body` throws.
    private static func begin<T: Sendable>(on connection: any Database,
                                           _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let sql = connection as! any SQLDatabase
        try await sql.raw("BEGIN TRANSACTION").run()
        do {
            let result = try await body(connection)
            try await sql.raw("COMMIT TRANSACTION").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK TRANSACTION").run()
            throw error
        }
    }

    /// True where one writer takes every write in turn (SQLite): there, many small changes commit
    /// faster grouped in one `groupedTransaction` than one transaction each.
    public var prefersGroupedWrites: Bool { cache != nil }

    /// Like `transaction`, for many independent small changes at once: the append-only rows they
    /// write (events, jobs, outbox messages, webhook deliveries) are held back and inserted as one
    /// multi-row statement per table when `body` ends, and account and webhook-endpoint reads are
    /// remembered for the whole transaction. Inside it nothing may read those rows back.
    public func groupedTransaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        try await groupedTransaction(on: nil, body)
    }

    /// `groupedTransaction` on `connection` when given (a `WriterLease`'s), else on a connection of its own.
    func groupedTransaction<T: Sendable>(on connection: (any Database)?,
                                         _ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let box = secretBox
        let cache = self.cache
        defer { cache?.invalidate() }
        return try await inWriteTransaction(on: connection) { database in
            let writeBehind = WriteBehind()
            let result = try await body(StoreTransaction(database: database, secretBox: box, cache: cache, writeBehind: writeBehind,
                                                           inTransaction: true))
            try await writeBehind.flush(to: database as! any SQLDatabase)
            return result
        }
    }

    /// Where SQLite's write transactions run (the writer connection's thread); nil elsewhere. Work
    /// that only feeds the writer, such as the loop handing it groups of carrier events, runs there
    /// too, so it never waits behind other tasks between two transactions.
    public var writeExecutor: (any TaskExecutor)? { writerExecutor }

    /// Repositories that commit each call on its own.
    public var autocommit: StoreTransaction { StoreTransaction(database: makeDatabase(), secretBox: secretBox, cache: cache) }

    /// Repositories for reads only (never write through these): on an SQLite file they use the
    /// read-only connections, so reads do not queue behind the single writer. A read sees every
    /// write committed before it started.
    public var reads: StoreTransaction { StoreTransaction(database: makeReadDatabase(), secretBox: secretBox, cache: cache) }

    /// A request with its documents, from the read cache when it is current (SQLite), else read.
    public func requestWithDocuments(id: String, accountId: String?) async throws -> (StoredPortRequest, [Document])? {
        if let cached = cache?.lookup(id: id, accountId: accountId) { return cached }
        let generation = cache?.generation
        guard let found = try await reads.portRequests.findWithDocuments(id: id, accountId: accountId) else { return nil }
        if let cache, let generation { cache.store(found.0, documents: found.1, readAt: generation) }
        return found
    }

    public var accounts: any AccountRepository { autocommit.accounts }
    public var users: any UserRepository { autocommit.users }
    public var portRequests: any PortRequestRepository { autocommit.portRequests }
    public var documents: any DocumentRepository { autocommit.documents }
    public var comments: any CommentRepository { autocommit.comments }
    public var events: any EventRepository { autocommit.events }
    public var applications: any ApplicationRepository { autocommit.applications }
    public var numbers: any AccountNumberRepository { autocommit.numbers }
    public var idempotency: any IdempotencyRepository { autocommit.idempotency }
    public var jobs: any JobQueue { autocommit.jobs }
    public var outbox: any OutboxRepository { autocommit.outbox }
    public var carrierEvents: any CarrierEventReceiptRepository { autocommit.carrierEvents }
    public var webhookEndpoints: any WebhookEndpointRepository { autocommit.webhookEndpoints }
    public var webhookDeliveries: any WebhookDeliveryRepository { autocommit.webhookDeliveries }
    public var webSessions: any WebSessionRepository { autocommit.webSessions }
    public var loginThrottles: any LoginThrottleRepository { autocommit.loginThrottles }
    public var loaSigning: any LOASigningRepository { autocommit.loaSigning }
    public var loaTemplates: any LOATemplateRepository { autocommit.loaTemplates }

    /// Seals a secret that must pass through a stored row (a signing link in its queued email) with
    /// the PIN key, so the row never holds it in clear.
    public func sealSecret(_ clear: String) throws -> Data { try secretBox.seal(clear).combined }

    /// The clear text of `sealSecret`'s result; throws `StoreError.secretUnreadable` on a wrong key.
    public func openSecret(_ sealed: Data) throws -> String { try secretBox.open(SealedSecret(combined: sealed)) }

    /// Checks the database answers (for `/ready`).
    public func ping() async throws {
        let sql = makeDatabase() as! any SQLDatabase
        try await sql.raw("SELECT 1").run()
    }
}
