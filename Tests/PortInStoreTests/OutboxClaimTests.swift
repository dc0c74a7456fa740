import Foundation
import Testing
@testable import PortInStore

@Suite struct OutboxClaimTests {
    static let payload = Data(#"{"to":["a@b.test"]}"#.utf8)

    @Test(arguments: TestBackend.available)
    func onlyDueMessagesOfTheKindAreClaimedAndLeased(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let email = try await store.outbox.enqueue(kind: .email, payload: Self.payload, now: t0)
            _ = try await store.outbox.enqueue(kind: .webhook, payload: Self.payload, now: t0)
            let later = try await store.outbox.enqueue(kind: .email, payload: Self.payload, now: t0.addingTimeInterval(60))
            let claimed = try await store.outbox.claimDue(kind: .email, now: t0, limit: 10, leaseOwner: "w1", leaseSeconds: 30)
            #expect(claimed.map(\.id) == [email.id])
            #expect(claimed.first?.payload == Self.payload)
            #expect(claimed.first?.attempts == 1)
            #expect(claimed.first?.leaseOwner == "w1")
            #expect(claimed.first?.leaseExpiresAt == t0.addingTimeInterval(30))
            // Leased: nobody else gets it while the lease runs, and only the owner settles it.
            #expect(try await store.outbox.claimDue(kind: .email, now: t0.addingTimeInterval(10), limit: 10, leaseOwner: "w2",
                                                    leaseSeconds: 30).isEmpty)
            #expect(try await store.outbox.markSent(id: email.id, leaseOwner: "w2", at: t0) == false)
            #expect(try await store.outbox.markFailed(id: email.id, leaseOwner: "w2", error: "x", nextAttemptAt: nil) == nil)
            #expect(try await store.outbox.markSent(id: email.id, leaseOwner: "w1", at: t0.addingTimeInterval(2)))
            let sent = try #require(try await store.outbox.find(id: email.id))
            #expect(sent.status == .sent)
            #expect(sent.sentAt == t0.addingTimeInterval(2))
            #expect(sent.attempts == 1)
            // A sent message is never claimed again; the later one is claimed when due.
            let next = try await store.outbox.claimDue(kind: .email, now: t0.addingTimeInterval(60), limit: 10, leaseOwner: "w2",
                                                       leaseSeconds: 30)
            #expect(next.map(\.id) == [later.id])
            #expect(try await store.outbox.markSent(id: email.id, leaseOwner: "w1", at: t0.addingTimeInterval(61)) == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func anExpiredLeaseMakesTheMessageClaimableAgain(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let message = try await store.outbox.enqueue(kind: .email, payload: Self.payload, now: t0)
            _ = try await store.outbox.claimDue(kind: .email, now: t0, limit: 1, leaseOwner: "crashed", leaseSeconds: 30)
            #expect(try await store.outbox.claimDue(kind: .email, now: t0.addingTimeInterval(29), limit: 1, leaseOwner: "w2",
                                                    leaseSeconds: 30).isEmpty)
            let reclaimed = try await store.outbox.claimDue(kind: .email, now: t0.addingTimeInterval(30), limit: 1, leaseOwner: "w2",
                                                            leaseSeconds: 30)
            #expect(reclaimed.map(\.id) == [message.id])
            #expect(reclaimed.first?.attempts == 2)
            #expect(reclaimed.first?.leaseOwner == "w2")
            // The first worker's late answer is refused: w2 owns the message now.
            #expect(try await store.outbox.markSent(id: message.id, leaseOwner: "crashed", at: t0.addingTimeInterval(31)) == false)
            #expect(try await store.outbox.markSent(id: message.id, leaseOwner: "w2", at: t0.addingTimeInterval(31)))
            #expect(try await store.outbox.find(id: message.id)?.status == .sent)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailureReleasesTheMessageUntilItsRetryOrGivesUp(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let message = try await store.outbox.enqueue(kind: .email, payload: Self.payload, now: t0)
            _ = try await store.outbox.claimDue(kind: .email, now: t0, limit: 1, leaseOwner: "w", leaseSeconds: 300)
            let retryAt = t0.addingTimeInterval(40)
            #expect(try await store.outbox.markFailed(id: message.id, leaseOwner: "w", error: "421 busy", nextAttemptAt: retryAt) == .pending)
            let released = try #require(try await store.outbox.find(id: message.id))
            #expect(released.nextAttemptAt == retryAt)
            #expect(released.leaseOwner == nil)
            #expect(released.lastError == "421 busy")
            // Released: the same worker cannot settle it any more without claiming it again.
            #expect(try await store.outbox.markSent(id: message.id, leaseOwner: "w", at: t0) == false)
            #expect(try await store.outbox.claimDue(kind: .email, now: retryAt.addingTimeInterval(-1), limit: 1, leaseOwner: "w",
                                                    leaseSeconds: 300).isEmpty)
            let second = try await store.outbox.claimDue(kind: .email, now: retryAt, limit: 1, leaseOwner: "w", leaseSeconds: 300)
            #expect(second.first?.attempts == 2)
            #expect(try await store.outbox.markFailed(id: message.id, leaseOwner: "w", error: "gave up", nextAttemptAt: nil) == .dead)
            #expect(try await store.outbox.claimDue(kind: .email, now: t0.addingTimeInterval(100_000), limit: 1, leaseOwner: "w",
                                                    leaseSeconds: 300).isEmpty)
            let dead = try #require(try await store.outbox.find(id: message.id))
            #expect(dead.status == .dead)
            #expect(dead.lastError == "gave up")
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentClaimersNeverShareAMessage(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let total = 100
            for index in 0..<total {
                _ = try await store.outbox.enqueue(kind: .email, payload: Data(#"{"n":\#(index)}"#.utf8), now: t0)
            }
            var seen: [String: Int] = [:]
            for round in 0..<6 {
                // Two tasks racing (two connections on PostgreSQL).
                let outbox = store.outbox
                let a = Task { try await outbox.claimDue(kind: .email, now: t0, limit: 7, leaseOwner: "a\(round)", leaseSeconds: 60) }
                let b = Task { try await outbox.claimDue(kind: .email, now: t0, limit: 7, leaseOwner: "b\(round)", leaseSeconds: 60) }
                let claimed = try await a.value + b.value
                for message in claimed { seen[message.id, default: 0] += 1 }
            }
            #expect(!seen.isEmpty)
            #expect(seen.values.allSatisfy { $0 == 1 })
            let rest = try await store.outbox.claimDue(kind: .email, now: t0, limit: 100, leaseOwner: "c", leaseSeconds: 60)
            #expect(seen.count + rest.count == total)
            #expect(Set(rest.map(\.id)).isDisjoint(with: seen.keys))
        }
    }
}
