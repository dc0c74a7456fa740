import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// Owns the database connections, their event loops and thread pool; hands out the `Store`.
/// Call `shutdown()` before releasing it.
public final class StoreRuntime: Sendable {
    public let configuration: StoreConfiguration
    /// The repositories and transactions over this runtime's database.
    public let store: Store
    let databases: Databases
    /// SQLite files: the read connections, on their own thread pool.
    let readerDatabases: Databases?
    let eventLoopGroup: MultiThreadedEventLoopGroup
    let threadPools: [NIOThreadPool]
    let logger: Logger

    /// Opens (and for SQLite files creates the directory of) the configured database.
    public init(configuration: StoreConfiguration, secretBox: SecretBox, logger: Logger = Logger(label: "portin.store")) throws {
        self.configuration = configuration
        self.logger = logger
        // SQLite takes one writer at a time: the writer is one connection on one fixed event loop. A file
        // database (WAL) also gets read-only connections, one per other loop, so reads run beside the
        // writer and each other on the thread pool.
        let cores = max(1, min(4, System.coreCount))
        let readerLoops: Int
        if case .sqliteFile = configuration.backend { readerLoops = max(1, cores) } else { readerLoops = 0 }
        let loops = configuration.isPostgres ? cores : 1 + readerLoops
        let group = MultiThreadedEventLoopGroup(numberOfThreads: loops)
        // SQLite's writer has a thread of its own, where its transactions also run (`WriterExecutor`).
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)
        var pools = [pool]
        var readerDatabases: Databases?
        if readerLoops > 0 {
            let readerPool = NIOThreadPool(numberOfThreads: readerLoops)
            readerPool.start()
            pools.append(readerPool)
            readerDatabases = Databases(threadPool: readerPool, on: group)
        }

        // Writers queue for SQLite's one writer connection by design, so a burst (or a slow, loaded machine)
        // must make them wait longer, not fail: the driver's default of 10 s turned a busy moment into
        // `connectionRequestTimeout` errors.
        let sqliteWait = TimeAmount.seconds(Self.sqliteConnectionWaitSeconds)
        switch configuration.backend {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            databases.use(.sqlite(SQLiteConfiguration(storage: .file(path: path)), connectionPoolTimeout: sqliteWait,
                                  sqlLogLevel: .trace), as: .sqlite)
            readerDatabases?.use(.sqlite(SQLiteConfiguration(storage: .file(path: path)), connectionPoolTimeout: sqliteWait,
                                         sqlLogLevel: .trace), as: Self.sqliteReaders)
        case .sqliteMemory(let name):
            databases.use(.sqlite(SQLiteConfiguration(storage: .memory(identifier: name)), connectionPoolTimeout: sqliteWait,
                                  sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            if let schema = configuration.postgresSchema { postgres.searchPath = [schema] }
            // A burst (many requests, or a loaded machine still opening connections) waits for a pooled
            // connection rather than failing after the driver's 10 s.
            databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
                                    connectionPoolTimeout: .seconds(Self.postgresConnectionWaitSeconds), sqlLogLevel: .trace),
                          as: .psql)
        }
        eventLoopGroup = group
        threadPools = pools
        self.databases = databases
        self.readerDatabases = readerDatabases
        if configuration.isPostgres {
            store = Store(makeDatabase: { databases.database(logger: logger, on: group.any())! }, secretBox: secretBox)
        } else {
            // Every loop of the group but the writer's serves readers.
            var iterator = group.makeIterator()
            let writerLoop = iterator.next()!
            var readers: [any EventLoop] = []
            while let loop = iterator.next() { readers.append(loop) }
            let readerLoops = readers
            let counter = ManagedAtomicCounter()
            let makeWriter: @Sendable () -> any Database = { databases.database(.sqlite, logger: logger, on: writerLoop)! }
            let makeReader: @Sendable () -> any Database
            if let readerDatabases, !readerLoops.isEmpty {
                makeReader = {
                    let loop = readerLoops[counter.next() % readerLoops.count]
                    return readerDatabases.database(Self.sqliteReaders, logger: logger, on: loop)!
                }
            } else {
                makeReader = makeWriter
            }
            store = Store(makeDatabase: makeWriter, makeReadDatabase: makeReader, secretBox: secretBox, cache: RequestReadCache(),
                          writerExecutor: WriterExecutor(pool: pool))
        }
    }

    /// Applies the migrations not yet applied; running it again changes nothing.
    public func migrate() async throws {
        let database = store.makeDatabase()
        if let schema = configuration.postgresSchema {
            try await (database as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        if !configuration.isPostgres, case .sqliteFile = configuration.backend {
            // Readers do not block the writer and a crash never leaves a half-applied transaction.
            try await (database as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
            // With WAL, NORMAL syncs at checkpoints instead of every commit: a process crash (even SIGKILL)
            // still loses no committed transaction; only an OS crash or power loss may lose the last ones.
            // Set on the single writer connection, which the pool keeps open.
            try await (database as! any SQLDatabase).raw("PRAGMA synchronous=NORMAL").run()
        }
        let migrations = Migrations()
        migrations.add(storeMigrations())
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any(),
                                migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Names of the migrations applied so far, in order.
    public func appliedMigrations() async throws -> [String] {
        let sql = store.makeDatabase() as! any SQLDatabase
        return try await sql.select().column("name").from("_fluent_migrations").orderBy("batch").orderBy("name")
            .all(decodingColumn: "name", as: String.self)
    }

    /// How long a query waits for a SQLite connection before failing.
    static let sqliteConnectionWaitSeconds: Int64 = 120
    /// How long a query waits for a pooled PostgreSQL connection before failing.
    static let postgresConnectionWaitSeconds: Int64 = 60

    /// The read-only connections of a file database.
    static let sqliteReaders = DatabaseID(string: "sqlite-readers")

    /// Closes connections, then stops the thread pool and event loops.
    public func shutdown() async {
        await databases.shutdownAsync()
        await readerDatabases?.shutdownAsync()
        for pool in threadPools { try? await pool.shutdownGracefully() }
        try? await eventLoopGroup.shutdownGracefully()
    }

    /// PostgreSQL tests: removes this runtime's schema and everything in it.
    public func dropSchema() async throws {
        guard let schema = configuration.postgresSchema else { return }
        let sql = store.makeDatabase() as! any SQLDatabase
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}

/// Round-robin over the reader loops.
final class ManagedAtomicCounter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).newValue & Int.max }
}
