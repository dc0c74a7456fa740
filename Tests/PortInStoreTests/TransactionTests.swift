import Foundation
import PortInCore
import Testing
@testable import PortInStore

struct Boom: Error {}

@Suite struct TransactionTests {
    /// The issue-5 pattern: status, event, job and outbox message in one transaction.
    static func submit(_ tx: StoreTransaction, request: StoredPortRequest, fail: Bool) async throws {
        _ = try await tx.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted), now: t0)
        _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "status_changed",
                                                from: .draft, to: .submitted, actor: .customer("usr_1"), at: t0))
        _ = try await tx.jobs.enqueue(kind: "submit_order", payload: Data(#"{"id":"x"}"#.utf8), runAt: t0, maxAttempts: 5, now: t0)
        _ = try await tx.outbox.enqueue(kind: .email, payload: Data(#"{"template":"submitted"}"#.utf8), now: t0)
        if fail { throw Boom() }
    }

    @Test(arguments: TestBackend.available)
    func aFailedTransactionLeavesNothingHalfWritten(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101"])
            await #expect(throws: Boom.self) {
                try await store.transaction { tx in try await Self.submit(tx, request: request, fail: true) }
            }
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .draft)
            #expect(try await runtime.count("events") == 0)
            #expect(try await runtime.count("jobs") == 0)
            #expect(try await runtime.count("outbox_messages") == 0)

            try await store.transaction { tx in try await Self.submit(tx, request: request, fail: false) }
            #expect(try await store.portRequests.find(id: request.id, accountId: account.id)?.status == .submitted)
            let events = try await store.events.list(requestId: request.id, accountId: account.id)
            #expect(events.map(\.to) == [.submitted])
            #expect(events.first?.actor == .customer("usr_1"))
            #expect(try await runtime.count("jobs") == 1)
            #expect(try await runtime.count("outbox_messages") == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aConstraintFailureRollsBackEarlierWrites(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            _ = try await makeRequest(store, account: account, numbers: ["+12175550101"])
            await #expect(throws: StoreError.self) {
                try await store.transaction { tx in
                    _ = try await tx.jobs.enqueue(kind: "k", payload: Data("{}".utf8), runAt: t0, maxAttempts: 1, now: t0)
                    _ = try await tx.portRequests.create(
                        NewPortRequest(accountId: account.id, groupId: "g", draft: draft(numbers: ["+12175550101"])), now: t0)
                }
            }
            #expect(try await runtime.count("jobs") == 0)
            #expect(try await runtime.count("port_requests") == 1)
        }
    }
}
