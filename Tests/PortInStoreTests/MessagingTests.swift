import Foundation
import Testing
@testable import PortInStore

@Suite struct MessagingTests {
    @Test(arguments: TestBackend.available)
    func idempotencyKeysAreUniquePerAccount(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let first = try await makeAccount(store, name: "One")
            let second = try await makeAccount(store, name: "Two")
            let original = IdempotencyRecord(accountId: first.id, key: "k-1", requestHash: "h1", responseStatus: 201,
                                             responseBody: Data(#"{"id":"pr_1"}"#.utf8), createdAt: t0)
            #expect(try await store.idempotency.save(original) == original)
            var changed = original
            changed.requestHash = "h2"
            changed.responseStatus = 500
            let replay = changed
            // Inside a transaction too: the duplicate must not abort it (PostgreSQL would on a raw violation).
            let winner = try await store.transaction { tx in
                let kept = try await tx.idempotency.save(replay)
                _ = try await tx.jobs.enqueue(kind: "after", payload: Data("{}".utf8), runAt: t0, maxAttempts: 1, now: t0)
                return kept
            }
            #expect(winner == original)
            var otherAccount = original
            otherAccount.accountId = second.id
            #expect(try await store.idempotency.save(otherAccount).accountId == second.id)
            #expect(try await store.idempotency.find(accountId: first.id, key: "k-1")?.requestHash == "h1")
            #expect(try await store.idempotency.find(accountId: second.id, key: "k-2") == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func outboxDeliversDueMessagesAndGivesUp(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let email = try await store.outbox.enqueue(kind: .email, payload: Data(#"{"to":"a@b.test"}"#.utf8), now: t0)
            let hook = try await store.outbox.enqueue(kind: .webhook, payload: Data(#"{"url":"https://x.test"}"#.utf8), now: t0)
            #expect(try await store.outbox.due(now: t0, limit: 10).map(\.id).sorted() == [email.id, hook.id].sorted())
            try await store.outbox.markSent(id: email.id, at: t0.addingTimeInterval(1))
            try await store.outbox.markFailed(id: hook.id, error: "503", nextAttemptAt: t0.addingTimeInterval(30))
            #expect(try await store.outbox.due(now: t0.addingTimeInterval(29), limit: 10).isEmpty)
            #expect(try await store.outbox.due(now: t0.addingTimeInterval(30), limit: 10).map(\.id) == [hook.id])
            try await store.outbox.markFailed(id: hook.id, error: "503 again", nextAttemptAt: nil)
            let dead = try #require(try await store.outbox.find(id: hook.id))
            #expect(dead.status == .dead)
            #expect(dead.attempts == 2)
            #expect(dead.lastError == "503 again")
            let sent = try #require(try await store.outbox.find(id: email.id))
            #expect(sent.status == .sent)
            #expect(sent.sentAt == t0.addingTimeInterval(1))
            #expect(sent.kind == .email)
        }
    }

    @Test(arguments: TestBackend.available)
    func carrierEventsAreRecordedOnce(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            #expect(try await store.carrierEvents.recordOnce(eventId: "evt-1", requestId: "pr_1", at: t0))
            let duplicate = try await store.transaction { tx in
                try await tx.carrierEvents.recordOnce(eventId: "evt-1", requestId: "pr_1", at: t0.addingTimeInterval(5))
            }
            #expect(duplicate == false)
            #expect(try await store.carrierEvents.recordOnce(eventId: "evt-2", requestId: nil, at: t0))
            #expect(try await runtime.count("carrier_event_receipts") == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func manyCarrierEventsAreRecordedInOneGoEachOnce(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            #expect(try await store.carrierEvents.recordOnce(eventId: "evt-old", requestId: "pr_1", at: t0))
            let recorded = try await store.transaction { tx in
                try await tx.carrierEvents.recordEach([
                    CarrierEventReceipt(eventId: "evt-a", requestId: "pr_1"),
                    CarrierEventReceipt(eventId: "evt-old", requestId: "pr_1"),  // recorded before
                    CarrierEventReceipt(eventId: "evt-b", requestId: nil),
                    CarrierEventReceipt(eventId: "evt-a", requestId: "pr_1"),  // twice in the same batch
                ], at: t0.addingTimeInterval(1))
            }
            #expect(recorded == ["evt-a", "evt-b"])
            #expect(try await runtime.count("carrier_event_receipts") == 3)
            // More than one statement's worth (300 a statement).
            let many = (0..<650).map { CarrierEventReceipt(eventId: "bulk-\($0)", requestId: nil) }
            #expect(try await store.carrierEvents.recordEach(many, at: t0).count == 650)
            #expect(try await runtime.count("carrier_event_receipts") == 653)
        }
    }

    @Test(arguments: TestBackend.available)
    func carrierEventsFindTheRequestOfEachPONInTwoReads(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let first = try await makeRequest(store, account: account, numbers: ["+12175220611", "+12175220612"])
            let second = try await makeRequest(store, account: account, numbers: ["+12175220613"], at: t0.addingTimeInterval(60))
            let found = try await store.portRequests.forCarrierEvents(pons: [first.pon, second.pon, first.pon, "PON-UNKNOWN"])
            #expect(Set(found.keys) == [first.pon, second.pon])
            #expect(found[first.pon]?.id == first.id)
            #expect(found[first.pon]?.numbers.map(\.e164) == ["+12175220611", "+12175220612"])
            #expect(found[second.pon]?.numbers.map(\.e164) == ["+12175220613"])
            #expect(try await store.portRequests.forCarrierEvents(pons: []).isEmpty)
        }
    }
}
