import Foundation
import Testing
@testable import PortInStore

@Suite struct JobQueueTests {
    static let payload = Data(#"{"request_id":"pr_1"}"#.utf8)

    @Test(arguments: TestBackend.available)
    func onlyDueJobsAreClaimedAndLeased(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let due = try await store.jobs.enqueue(kind: "a", payload: Self.payload, runAt: t0, maxAttempts: 3, now: t0)
            let later = try await store.jobs.enqueue(kind: "b", payload: Self.payload, runAt: t0.addingTimeInterval(60), maxAttempts: 3, now: t0)
            let claimed = try await store.jobs.claimDue(now: t0, limit: 10, leaseOwner: "w1", leaseSeconds: 30)
            #expect(claimed.map(\.id) == [due.id])
            #expect(claimed.first?.payload == Self.payload)
            #expect(claimed.first?.attempts == 1)
            #expect(claimed.first?.leaseExpiresAt == t0.addingTimeInterval(30))
            // Leased: nobody else gets it while the lease runs.
            #expect(try await store.jobs.claimDue(now: t0.addingTimeInterval(10), limit: 10, leaseOwner: "w2", leaseSeconds: 30).isEmpty)
            #expect(try await store.jobs.complete(id: due.id, leaseOwner: "w2", now: t0) == false)
            #expect(try await store.jobs.complete(id: due.id, leaseOwner: "w1", now: t0))
            #expect(try await store.jobs.find(id: due.id)?.status == .done)
            let next = try await store.jobs.claimDue(now: t0.addingTimeInterval(60), limit: 10, leaseOwner: "w2", leaseSeconds: 30)
            #expect(next.map(\.id) == [later.id])
        }
    }

    @Test(arguments: TestBackend.available)
    func expiredLeasesAreReclaimed(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let job = try await store.jobs.enqueue(kind: "a", payload: Self.payload, runAt: t0, maxAttempts: 2, now: t0)
            _ = try await store.jobs.claimDue(now: t0, limit: 1, leaseOwner: "dead-worker", leaseSeconds: 30)
            let reclaimed = try await store.jobs.claimDue(now: t0.addingTimeInterval(31), limit: 1, leaseOwner: "w2", leaseSeconds: 30)
            #expect(reclaimed.map(\.id) == [job.id])
            #expect(reclaimed.first?.attempts == 2)
            #expect(reclaimed.first?.leaseOwner == "w2")
            // The first worker's late completion is refused: w2 owns it now.
            #expect(try await store.jobs.complete(id: job.id, leaseOwner: "dead-worker", now: t0) == false)
            // w2 dies too on the last attempt: the job goes to the dead letter, not round again.
            #expect(try await store.jobs.claimDue(now: t0.addingTimeInterval(62), limit: 1, leaseOwner: "w3", leaseSeconds: 30).isEmpty)
            #expect(try await store.jobs.find(id: job.id)?.status == .dead)
        }
    }

    @Test(arguments: TestBackend.available)
    func failuresBackOffThenDeadLetterAndOpsRetry(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let job = try await store.jobs.enqueue(kind: "a", payload: Self.payload, runAt: t0, maxAttempts: 2, now: t0)
            let backoff = JobBackoff(base: 10, cap: 100)
            _ = try await store.jobs.claimDue(now: t0, limit: 1, leaseOwner: "w", leaseSeconds: 30)
            let retryAt = t0.addingTimeInterval(backoff.ceiling(attempt: 1))
            #expect(try await store.jobs.fail(id: job.id, leaseOwner: "w", retryAt: retryAt, error: "timeout", now: t0) == .queued)
            #expect(try await store.jobs.claimDue(now: retryAt.addingTimeInterval(-1), limit: 1, leaseOwner: "w", leaseSeconds: 30).isEmpty)
            let second = try await store.jobs.claimDue(now: retryAt, limit: 1, leaseOwner: "w", leaseSeconds: 30)
            #expect(second.first?.attempts == 2)
            #expect(second.first?.lastError == "timeout")
            #expect(try await store.jobs.fail(id: job.id, leaseOwner: "w", retryAt: retryAt.addingTimeInterval(20), error: "500",
                                              now: retryAt) == .dead)
            #expect(try await store.jobs.claimDue(now: t0.addingTimeInterval(1000), limit: 1, leaseOwner: "w", leaseSeconds: 30).isEmpty)
            #expect(try await store.jobs.list(status: .dead, limit: 10).map(\.id) == [job.id])
            #expect(try await store.jobs.retryDead(id: job.id, now: t0.addingTimeInterval(1000)))
            #expect(try await store.jobs.retryDead(id: job.id, now: t0.addingTimeInterval(1000)) == false)
            let revived = try await store.jobs.claimDue(now: t0.addingTimeInterval(1000), limit: 1, leaseOwner: "w", leaseSeconds: 30)
            #expect(revived.first?.attempts == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentClaimersNeverShareAJob(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let total = 60
            for index in 0..<total {
                _ = try await store.jobs.enqueue(kind: "k\(index)", payload: Self.payload, runAt: t0, maxAttempts: 3, now: t0)
            }
            var seen: [String: Int] = [:]
            for round in 0..<6 {
                // Two tasks racing (two connections on PostgreSQL).
                let queue = store.jobs
                let a = Task { try await queue.claimDue(now: t0, limit: 7, leaseOwner: "a\(round)", leaseSeconds: 60) }
                let b = Task { try await queue.claimDue(now: t0, limit: 7, leaseOwner: "b\(round)", leaseSeconds: 60) }
                let claimed = try await a.value + b.value
                for job in claimed { seen[job.id, default: 0] += 1 }
            }
            #expect(seen.count == total)
            #expect(seen.values.allSatisfy { $0 == 1 })
            let rest = try await store.jobs.claimDue(now: t0, limit: 100, leaseOwner: "c", leaseSeconds: 60)
            #expect(seen.count + rest.count == total)
            #expect(Set(rest.map(\.id)).isDisjoint(with: seen.keys))
        }
    }
}
