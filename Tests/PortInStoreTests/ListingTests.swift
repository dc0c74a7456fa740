import Foundation
import PortInCore
import Testing
@testable import PortInStore

@Suite struct ListingTests {
    @Test(arguments: TestBackend.available)
    func pagesAreStableAndComplete(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            var created: [StoredPortRequest] = []
            // Several requests share a timestamp so the id tie-breaker matters.
            for index in 0..<11 {
                let at = t0.addingTimeInterval(Double(index / 3) + 0.001 * Double(index % 2))
                created.append(try await makeRequest(store, account: account, numbers: ["+1217555\(String(1000 + index))"], at: at))
            }
            var seen: [StoredPortRequest] = []
            var cursor: String?
            repeat {
                let page = try await store.portRequests.list(accountId: account.id, filter: .init(), page: PageRequest(limit: 4, cursor: cursor))
                #expect(page.items.count <= 4)
                seen += page.items
                cursor = page.nextCursor
            } while cursor != nil
            let expected = created.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.map(\.id)
            #expect(seen.map(\.id) == expected)
            // Rows added after a cursor was issued do not shift the remaining pages.
            let first = try await store.portRequests.list(accountId: account.id, filter: .init(), page: PageRequest(limit: 4))
            _ = try await makeRequest(store, account: account, numbers: ["+12175559999"], at: t0.addingTimeInterval(100))
            let second = try await store.portRequests.list(accountId: account.id, filter: .init(),
                                                           page: PageRequest(limit: 4, cursor: first.nextCursor))
            #expect(second.items.map(\.id) == Array(expected[4..<8]))
            await #expect(throws: StoreError.invalidCursor) {
                _ = try await store.portRequests.list(accountId: account.id, filter: .init(), page: PageRequest(cursor: "%%%"))
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func listsFilterByStatusAndNumber(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let other = try await makeAccount(store, name: "Other")
            let a = try await makeRequest(store, account: account, numbers: ["+12175550101", "+12175550102"])
            let b = try await makeRequest(store, account: account, numbers: ["+12175550103"])
            _ = try await makeRequest(store, account: other, numbers: ["+12175550104"])
            _ = try await store.portRequests.transition(id: b.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
            let submitted = try await store.portRequests.list(accountId: account.id, filter: PortRequestFilter(status: .submitted), page: .init())
            #expect(submitted.items.map(\.id) == [b.id])
            let byNumber = try await store.portRequests.list(accountId: account.id, filter: PortRequestFilter(number: "+12175550102"), page: .init())
            #expect(byNumber.items.map(\.id) == [a.id])
            #expect(try await store.portRequests.list(accountId: account.id, filter: PortRequestFilter(number: "+12175550104"), page: .init()).items.isEmpty)
            #expect(try await store.portRequests.opsList(filter: .init(), page: .init()).items.count == 3)
            #expect(try await store.portRequests.opsList(filter: PortRequestFilter(accountId: other.id), page: .init()).items.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func documentsCommentsAndInventoryAreScoped(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let stranger = try await makeAccount(store, name: "Stranger")
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101"])
            let loa = Document(id: "doc_1", requestId: request.id, accountId: account.id, kind: .loa, contentType: "application/pdf",
                               size: 1234, sha256: String(repeating: "ab", count: 32), fileName: "loa.pdf", signedBy: "Jane Roe",
                               signedOn: CivilDate("2027-01-02"), createdAt: t0)
            try await store.documents.add(loa)
            #expect(try await store.documents.find(id: "doc_1", requestId: request.id, accountId: account.id) == loa)
            #expect(try await store.documents.find(id: "doc_1", requestId: request.id, accountId: stranger.id) == nil)
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.draft.documents == [loa.facts])

            _ = try await store.comments.add(requestId: request.id, accountId: account.id, author: .portingTeam, authorId: "usr_ops",
                                             visibility: .internal, body: "check CSR", now: t0)
            let visible = try await store.comments.add(requestId: request.id, accountId: account.id, author: .portingTeam,
                                                       authorId: "usr_ops", visibility: .customer, body: "please resend LOA",
                                                       now: t0.addingTimeInterval(1))
            #expect(try await store.comments.list(requestId: request.id, accountId: account.id, includeInternal: false) == [visible])
            #expect(try await store.comments.list(requestId: request.id, accountId: account.id, includeInternal: true).count == 2)
            #expect(try await store.comments.list(requestId: request.id, accountId: stranger.id, includeInternal: true).isEmpty)

            let app = try await store.applications.create(accountId: account.id, name: "IVR", voiceURL: "https://ivr.test/v",
                                                          smsURL: nil, now: t0)
            try await store.numbers.provision(accountId: account.id, numbers: ["+12175550101"], portRequestId: request.id,
                                              focDate: CivilDate("2027-03-15"), now: t0)
            try await store.numbers.provision(accountId: account.id, numbers: ["+12175550101"], portRequestId: request.id,
                                              focDate: CivilDate("2027-03-16"), now: t0)
            await #expect(throws: StoreError.self) {
                try await store.numbers.provision(accountId: stranger.id, numbers: ["+12175550101"], portRequestId: "pr_x",
                                                  focDate: nil, now: t0)
            }
            #expect(try await store.numbers.attach(e164: "+12175550101", accountId: stranger.id, applicationId: app.id, now: t0) == false)
            #expect(try await store.numbers.attach(e164: "+12175550101", accountId: account.id, applicationId: app.id, now: t0))
            try await store.numbers.activate(accountId: account.id, numbers: ["+12175550101"], now: t0)
            let number = try #require(try await store.numbers.find(e164: "+12175550101", accountId: account.id))
            #expect(number.status == .active)
            #expect(number.applicationId == app.id)
            #expect(number.focDate == CivilDate("2027-03-16"))
            #expect(try await store.numbers.inventoryStatus(of: ["+12175550101", "+12175550199"]) == ["+12175550101": .active])
            #expect(try await store.numbers.list(accountId: stranger.id, filter: .init(), page: .init()).items.isEmpty)
            #expect(try await store.numbers.list(accountId: account.id, filter: AccountNumberFilter(status: .active), page: .init())
                .items.map(\.e164) == ["+12175550101"])
            #expect(try await store.applications.find(id: app.id, accountId: stranger.id) == nil)
            #expect(try await store.applications.list(accountId: account.id, page: .init()).items == [app])
        }
    }
}
