import Foundation
import PortInCore
import Testing
@testable import PortInStore

/// `Store.groupedTransaction`: the append-only rows of many small changes go in as one statement
/// per table at the end, and still commit or roll back with everything else.
@Suite struct GroupedTransactionTests {
    static func event(_ request: StoredPortRequest, _ n: Int) -> NewEvent {
        NewEvent(requestId: request.id, accountId: request.accountId, type: "carrier_event", actor: .carrier("partner"),
                 reason: "event \(n)", at: t0.addingTimeInterval(TimeInterval(n)))
    }

    @Test(arguments: TestBackend.available)
    func heldRowsCommitTogetherBesideDirectWrites(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175220601"])
            try await store.groupedTransaction { tx in
                for n in 0..<3 { _ = try await tx.events.append(Self.event(request, n)) }
                _ = try await tx.jobs.enqueue(kind: "k", payload: Data("{}".utf8), runAt: t0, maxAttempts: 1, now: t0)
                // A direct write in the same transaction goes at once.
                _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
                _ = try await tx.events.append(Self.event(request, 3))
                _ = try await tx.outbox.enqueue(kind: .email, payload: Data("{}".utf8), now: t0)
                // Held rows are written at the end, so even the transaction does not see them yet.
                #expect(try await tx.events.list(requestId: request.id, accountId: account.id).isEmpty)
            }
            let events = try await store.events.list(requestId: request.id, accountId: account.id)
            #expect(events.compactMap(\.reason) == ["event 0", "event 1", "event 2", "event 3"])
            #expect(try await store.jobs.list(status: .queued, limit: 10).map(\.kind) == ["k"])
            #expect(try await runtime.count("outbox_messages") == 1)
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .submitted)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailureLosesHeldAndDirectWritesAlike(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175220602"])
            await #expect(throws: Boom.self) {
                try await store.groupedTransaction { tx in
                    _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
                    for n in 0..<250 { _ = try await tx.events.append(Self.event(request, n)) }
                    throw Boom()
                }
            }
            #expect(try await runtime.count("events") == 0)
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .draft)
            // More rows than one statement takes (chunks of 200) all arrive.
            try await store.groupedTransaction { tx in
                for n in 0..<450 { _ = try await tx.events.append(Self.event(request, n)) }
            }
            #expect(try await runtime.count("events") == 450)
        }
    }
}
