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

    init(database: any Database, secretBox: SecretBox, cache: RequestReadCache? = nil, writeBehind: WriteBehind? = nil) {
        self.writeBehind = writeBehind
        let context = SQLStoreContext(database: database, cache: cache, writeBehind: writeBehind)
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
        let box = secretBox
        let cache = self.cache
        // Reads cached while the transaction ran may hold its uncommitted past: drop them once it ends.
        defer { cache?.invalidate() }
        let executor = writerExecutor
        let database = makeDatabase()
        // SQLite: on the writer's thread (`WriterExecutor`); the body again, as the driver runs it in a task of its own.
        return try await withTaskExecutorPreference(executor) {
            try await database.transaction { database in
                try await withTaskExecutorPreference(executor) {
                    try await body(StoreTransaction(database: database, secretBox: box, cache: cache))
                }
            }
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
        let box = secretBox
        let cache = self.cache
        let executor = writerExecutor
        defer { cache?.invalidate() }
        let database = makeDatabase()
        // Outside too: the transaction's BEGIN and COMMIT then run on the writer's thread as well.
        return try await withTaskExecutorPreference(executor) {
            try await database.transaction { database in
                // Again inside: the driver runs the body in a task of its own, which does not inherit it.
                try await withTaskExecutorPreference(executor) {
                    let writeBehind = WriteBehind()
                    let result = try await body(StoreTransaction(database: database, secretBox: box, cache: cache, writeBehind: writeBehind))
                    try await writeBehind.flush(to: database as! any SQLDatabase)
                    return result
                }
            }
        }
    }

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
