import Testing
@testable import PortInStore

@Suite struct MigrationTests {
    @Test(arguments: TestBackend.available)
    func migrationsApplyOnceAndAgainIdempotently(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let first = try await runtime.appliedMigrations()
            try await runtime.migrate()
            try await runtime.migrate()
            let again = try await runtime.appliedMigrations()
            #expect(first == again)
            #expect(first == storeMigrations().map(\.name))
            // Every table is there and usable after the repeated runs.
            let account = try await makeAccount(store)
            #expect(try await store.accounts.find(id: account.id) != nil)
            for table in ["accounts", "users", "port_requests", "request_numbers", "documents", "comments", "events",
                          "applications", "account_numbers", "idempotency_records", "jobs", "outbox_messages",
                          "carrier_event_receipts", "loa_templates"] {
                _ = try await runtime.count(table)
            }
        }
    }
}
