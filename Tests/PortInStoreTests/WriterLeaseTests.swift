import Foundation
import PortInCore
import Synchronization
import Testing
@testable import PortInStore

/// `Store.withWriterLease`: several transactions on one hold of the writer connection, each
/// committing or rolling back on its own, while other writers wait for the lease to end (SQLite).
@Suite struct WriterLeaseTests {
    @Test(arguments: TestBackend.available)
    func eachTransactionOfALeaseCommitsOrRollsBackOnItsOwn(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175220611"])
            try await store.withWriterLease { lease in
                try await lease.transaction { tx in
                    _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
                }
                await #expect(throws: Boom.self) {
                    try await lease.groupedTransaction { tx in
                        _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .submitted, to: .carrierReview),
                                                                 now: t0)
                        _ = try await tx.events.append(GroupedTransactionTests.event(request, 1))
                        throw Boom()
                    }
                }
                try await lease.groupedTransaction { tx in
                    _ = try await tx.events.append(GroupedTransactionTests.event(request, 2))
                }
            }
            // The first and third committed; nothing of the second did.
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .submitted)
            let events = try await store.events.list(requestId: request.id, accountId: account.id)
            #expect(events.compactMap(\.reason) == ["event 2"])
            #expect(try await runtime.count("events") == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func anotherWriterWaitsForTheLeaseOnSQLite(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175220612"])
            let order = OrderLog()
            let (started, starting) = AsyncStream.makeStream(of: Void.self)
            let other = try await store.withWriterLease { lease in
                try await lease.transaction { tx in
                    _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
                }
                // Started while the lease holds the writer: on SQLite it can only run once the lease ends.
                let other = Task {
                    starting.yield()
                    try await store.transaction { tx in
                        _ = try await tx.events.append(GroupedTransactionTests.event(request, 9))
                    }
                    order.append("other")
                }
                for await _ in started { break }
                try await lease.transaction { tx in
                    _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .submitted, to: .carrierReview),
                                                             now: t0)
                }
                order.append("lease")
                return other
            }
            try await other.value
            if store.prefersGroupedWrites { #expect(order.entries == ["lease", "other"]) }
            #expect(Set(order.entries) == ["lease", "other"])
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .carrierReview)
            #expect(try await store.events.list(requestId: request.id, accountId: account.id).compactMap(\.reason) == ["event 9"])
        }
    }
}

/// What happened first, across tasks.
private final class OrderLog: Sendable {
    private let log = Mutex<[String]>([])
    func append(_ entry: String) { log.withLock { $0.append(entry) } }
    var entries: [String] { log.withLock { $0 } }
}
