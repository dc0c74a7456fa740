import Foundation
import PortInStore

/// The engines every suite runs on: SQLite always, PostgreSQL when `PORTIN_TEST_DATABASE_URL` is set.
enum TestBackend: String, CustomStringConvertible, CaseIterable, Sendable {
    case sqlite
    case postgres

    static var available: [TestBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["PORTIN_TEST_DATABASE_URL"] ?? ""
        return value.isEmpty ? nil : value
    }

    var description: String { rawValue }

    /// A configuration private to one test: its own in-memory SQLite or its own PostgreSQL schema.
    func freshConfiguration() throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            return try StoreConfiguration(url: "sqlite::memory:")
        case .postgres:
            let schema = "s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            // Tests run in parallel, each with its own pool: one connection per event loop keeps
            // the total well under PostgreSQL's connection limit.
            return StoreConfiguration(backend: .postgres(url: TestBackend.postgresURL!), postgresSchema: schema,
                                      postgresConnectionsPerEventLoop: 1)
        }
    }
}
