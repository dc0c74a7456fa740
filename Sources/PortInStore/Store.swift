import FluentKit
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

    init(database: any Database, secretBox: SecretBox) {
        let context = SQLStoreContext(database: database)
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
    }
}

/// The persistence facade. Each repository call outside `transaction` commits on its own.
/// Inside a transaction use only the transaction's repositories (SQLite has one connection).
public struct Store: Sendable {
    let makeDatabase: @Sendable () -> any Database
    let secretBox: SecretBox

    init(makeDatabase: @escaping @Sendable () -> any Database, secretBox: SecretBox) {
        self.makeDatabase = makeDatabase
        self.secretBox = secretBox
    }

    /// Runs `body` in one database transaction: all of its writes commit, or none do when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let box = secretBox
        return try await makeDatabase().transaction { database in
            try await body(StoreTransaction(database: database, secretBox: box))
        }
    }

    /// Repositories that commit each call on its own.
    public var autocommit: StoreTransaction { StoreTransaction(database: makeDatabase(), secretBox: secretBox) }

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

    /// Checks the database answers (for `/ready`).
    public func ping() async throws {
        let sql = makeDatabase() as! any SQLDatabase
        try await sql.raw("SELECT 1").run()
    }
}
