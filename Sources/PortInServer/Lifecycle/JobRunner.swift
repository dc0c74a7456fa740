import Foundation
import Logging
import PortInCore
import PortInStore

/// Claims due jobs with a lease and runs them; a failure is retried with exponential backoff and
/// full jitter until the job's attempts are used, then it is dead-lettered for ops to see and retry.
/// SQLite runs one runner; on PostgreSQL any number of runners (processes) claim disjoint jobs.
public final class JobRunner: Sendable {
    let store: Store
    let clock: any PortInClock
    /// Runs one job (kind, payload); a throw is a failed attempt.
    let handle: @Sendable (String, Data) async throws -> Void
    let owner: String
    let leaseSeconds: Int
    let backoff: JobBackoff
    let logger: Logger

    convenience init(store: Store, clock: any PortInClock, engine: LifecycleEngine, owner: String = "worker-\(UUID().uuidString.prefix(8))",
                     leaseSeconds: Int = 120, backoff: JobBackoff = JobBackoff(base: 5, cap: 3600), logger: Logger) {
        self.init(store: store, clock: clock, owner: owner, leaseSeconds: leaseSeconds, backoff: backoff, logger: logger) {
            try await engine.run(kind: $0, payload: $1)
        }
    }

    /// A runner of any handler (the benchmark drains the queue with one that does nothing).
    public init(store: Store, clock: any PortInClock, owner: String = "worker-\(UUID().uuidString.prefix(8))", leaseSeconds: Int = 120,
                backoff: JobBackoff = JobBackoff(base: 5, cap: 3600), logger: Logger,
                handle: @escaping @Sendable (String, Data) async throws -> Void) {
        self.store = store
        self.clock = clock
        self.handle = handle
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.backoff = backoff
        self.logger = logger
    }

    /// Runs every job due now (including those that fall due while running); returns how many ran.
    @discardableResult
    public func runDue(batch: Int = 20) async throws -> Int {
        var ran = 0
        while true {
            let jobs = try await store.jobs.claimDue(now: clock.now(), limit: batch, leaseOwner: owner, leaseSeconds: leaseSeconds)
            if jobs.isEmpty { return ran }
            for job in jobs {
                await run(job)
                ran += 1
            }
        }
    }

    private func run(_ job: Job) async {
        do {
            try await handle(job.kind, job.payload)
            _ = try await store.jobs.complete(id: job.id, leaseOwner: owner, now: clock.now())
        } catch {
            var generator = SystemRandomNumberGenerator()
            let retryAt = clock.now().addingTimeInterval(backoff.delay(attempt: job.attempts, using: &generator))
            let status = try? await store.jobs.fail(id: job.id, leaseOwner: owner, retryAt: retryAt, error: "\(error)", now: clock.now())
            logger.warning("job failed", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)",
                                                   "status": "\(status?.rawValue ?? "lost lease")"])
        }
    }

    /// Polls for due jobs every `interval` until the task is cancelled.
    func start(interval: Duration = .milliseconds(250)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await runDue() } catch { logger.error("job runner: \(error)") }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
