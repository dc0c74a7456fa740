import Foundation
import Testing
@testable import PortInStore

@Suite struct StoreConfigurationTests {
    @Test(arguments: [
        ("sqlite:///var/data/p.sqlite", "/var/data/p.sqlite"),
        ("sqlite://data/p.sqlite", "data/p.sqlite"),
        ("./elsewhere/x.sqlite", "./elsewhere/x.sqlite"),
        ("", StoreConfiguration.defaultSQLitePath),
    ])
    func sqliteFileURLs(url: String, path: String) throws {
        #expect(try StoreConfiguration(url: url).backend == .sqliteFile(path: path))
    }

    @Test func memoryAndPostgres() throws {
        guard case .sqliteMemory = try StoreConfiguration(url: "sqlite::memory:").backend else {
            Issue.record("expected in-memory SQLite")
            return
        }
        let pg = try StoreConfiguration(url: "postgres://u:p@db.example:5432/portin")
        #expect(pg.isPostgres)
        #expect(pg.backend == .postgres(url: "postgres://u:p@db.example:5432/portin"))
        #expect(try StoreConfiguration(url: nil).isPostgres == false)
    }

    @Test(arguments: ["mysql://x/y", "sqlite://", "postgres://"])
    func rejectsUnusableURLs(url: String) {
        #expect(throws: StoreError.self) { try StoreConfiguration(url: url) }
    }

    @Test func fileDatabaseIsCreatedAndKeepsData() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/portin.sqlite").path
        let config = try StoreConfiguration(url: "sqlite://" + path)
        let box = try SecretBox(base64Key: testKey)

        let first = try StoreRuntime(configuration: config, secretBox: box)
        try await first.migrate()
        let created = try await first.store.accounts.create(name: "Kept", plan: .trial, contactEmails: [], now: t0)
        await first.shutdown()
        #expect(FileManager.default.fileExists(atPath: path))

        let second = try StoreRuntime(configuration: config, secretBox: box)
        try await second.migrate()
        let found = try await second.store.accounts.find(id: created.account.id)
        await second.shutdown()
        #expect(found?.name == "Kept")
    }
}
