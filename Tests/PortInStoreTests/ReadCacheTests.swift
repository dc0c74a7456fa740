import Foundation
import PortInCore
import Testing
@testable import PortInStore

/// The SQLite read path: read-only connections beside the writer, and the request read cache.
@Suite("Reads and the read cache")
struct ReadCacheTests {
    /// A migrated SQLite file database in a temporary directory.
    func withFileStore(_ body: (Store) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-reads-\(UUID().uuidString)")
        let runtime = try StoreRuntime(configuration: try StoreConfiguration(url: directory.appendingPathComponent("t.sqlite").path),
                                       secretBox: try SecretBox(base64Key: testKey))
        do {
            try await runtime.migrate()
            try await body(runtime.store)
        } catch {
            await runtime.shutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        await runtime.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test("a cached read never outlives a write: status, content, numbers and documents show at once; other accounts miss")
    func cacheFollowsWrites() async throws {
        try await withFileStore { store in
            let account = try await makeAccount(store)
            let other = try await makeAccount(store, name: "Other")
            let request = try await makeRequest(store, account: account, numbers: ["+12175220142"])
            #expect(try await store.requestWithDocuments(id: request.id, accountId: account.id)?.0.status == .draft)
            #expect(try await store.requestWithDocuments(id: request.id, accountId: other.id) == nil)

            _ = try await store.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
            #expect(try await store.requestWithDocuments(id: request.id, accountId: account.id)?.0.status == .submitted)

            try await store.transaction { tx in
                _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .submitted, to: .actionRequired,
                                                                                               reasons: []), now: t0)
            }
            #expect(try await store.requestWithDocuments(id: request.id, accountId: account.id)?.0.status == .actionRequired)

            var draft = request.draft
            draft.businessName = "Renamed Inc"
            _ = try await store.portRequests.updateContent(id: request.id, accountId: account.id, draft: draft, pin: .keep, now: t0)
            _ = try await store.portRequests.changeNumbers(id: request.id, accountId: account.id, add: ["+12175220143"], remove: [],
                                                           now: t0)
            let changed = try #require(try await store.requestWithDocuments(id: request.id, accountId: account.id))
            #expect(changed.0.draft.businessName == "Renamed Inc")
            #expect(changed.0.numbers.map(\.e164) == ["+12175220142", "+12175220143"])

            try await store.documents.add(Document(id: "doc_1", requestId: request.id, accountId: account.id, kind: .loa,
                                                   contentType: "application/pdf", size: 10, sha256: "ab", createdAt: t0))
            #expect(try await store.requestWithDocuments(id: request.id, accountId: account.id)?.1.map(\.id) == ["doc_1"])
            // The read-only connections see what the writer committed.
            #expect(try await store.reads.portRequests.find(id: request.id, accountId: account.id)?.draft.businessName == "Renamed Inc")
        }
    }
}
