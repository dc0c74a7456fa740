import Foundation

/// Where the store keeps its data: an SQLite file, an in-memory SQLite database, or PostgreSQL.
public struct StoreConfiguration: Sendable, Hashable {
    /// The database engine and its location.
    public enum Backend: Sendable, Hashable {
        case sqliteFile(path: String)
        /// A private in-memory database, named so all pooled connections share it.
        case sqliteMemory(name: String)
        /// A `postgres://user:pass@host:port/db` URL.
        case postgres(url: String)
    }

    public var backend: Backend
    /// PostgreSQL only: the schema to create tables in (tests use one schema each).
    public var postgresSchema: String?
    /// PostgreSQL only: pooled connections per event loop.
    public var postgresConnectionsPerEventLoop: Int

    /// The embedded default: `./portin-data/portin.sqlite`.
    public static let defaultSQLitePath = "./portin-data/portin.sqlite"

    public init(backend: Backend, postgresSchema: String? = nil, postgresConnectionsPerEventLoop: Int = 4) {
        self.backend = backend
        self.postgresSchema = postgresSchema
        self.postgresConnectionsPerEventLoop = postgresConnectionsPerEventLoop
    }

    /// Parses `sqlite:///abs/path.sqlite`, `sqlite://relative/path`, `sqlite::memory:`, `postgres://...`
    /// (`postgresql://` too) or a bare file path; nil or empty means the embedded default file.
    public init(url: String?) throws {
        let text = (url ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            self.init(backend: .sqliteFile(path: Self.defaultSQLitePath))
        } else if text == "sqlite::memory:" || text == ":memory:" {
            self.init(backend: .sqliteMemory(name: "portin-\(UUID().uuidString)"))
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let host = URLComponents(string: text)?.host, !host.isEmpty else { throw StoreError.invalidConfiguration("cannot read the PostgreSQL URL") }
            self.init(backend: .postgres(url: text))
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StoreError.invalidConfiguration("sqlite:// URL without a path") }
            self.init(backend: .sqliteFile(path: path))
        } else if text.contains("://") {
            throw StoreError.invalidConfiguration("unsupported database URL scheme (use sqlite:// or postgres://)")
        } else {
            self.init(backend: .sqliteFile(path: text))
        }
    }

    /// True for PostgreSQL, where several processes may share the database.
    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }
}
