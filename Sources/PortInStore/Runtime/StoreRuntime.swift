import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// Owns the database connections, their event loops and thread pool; hands out the `Store`.
/// Call `shutdown()` before releasing it.
public final class StoreRuntime: Sendable {
    public let configuration: StoreConfiguration
    /// The repositories and transactions over this runtime's database.
    public let store: Store
    let databases: Databases
    let eventLoopGroup: MultiThreadedEventLoopGroup
    let threadPool: NIOThreadPool
    let logger: Logger

    /// Opens (and for SQLite files creates the directory of) the configured database.
    public init(configuration: StoreConfiguration, secretBox: SecretBox, logger: Logger = Logger(label: "portin.store")) throws {
        self.configuration = configuration
        self.logger = logger
        // SQLite takes one writer at a time: one event loop, one connection, no lock contention.
        let loops = configuration.isPostgres ? max(1, min(4, System.coreCount)) : 1
        let group = MultiThreadedEventLoopGroup(numberOfThreads: loops)
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)

        switch configuration.backend {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            databases.use(.sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory(let name):
            databases.use(.sqlite(SQLiteConfiguration(storage: .memory(identifier: name)), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            if let schema = configuration.postgresSchema { postgres.searchPath = [schema] }
            databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
                                    sqlLogLevel: .trace), as: .psql)
        }
        eventLoopGroup = group
        threadPool = pool
        self.databases = databases
        store = Store(makeDatabase: { databases.database(logger: logger, on: group.any())! }, secretBox: secretBox)
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

    /// Closes connections, then stops the thread pool and event loops.
    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await eventLoopGroup.shutdownGracefully()
    }

    /// PostgreSQL tests: removes this runtime's schema and everything in it.
    public func dropSchema() async throws {
        guard let schema = configuration.postgresSchema else { return }
        let sql = store.makeDatabase() as! any SQLDatabase
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
