import CarrierKit
import PortInStore

/// Group commit for carrier events on SQLite. Every write there waits for the one writer, and each
/// statement costs far more in thread hand-offs than in SQLite itself; so events that arrive while
/// a group is being written wait and go together as the next group: one transaction that reads
/// the group's requests and records its receipts in three statements, and whose events, jobs and
/// outbox rows are inserted as one statement per table (`Store.groupedTransaction`).
/// A lone event still goes at once, as a group of one.
actor IngestGroups {
    struct Item: Sendable {
        let event: CarrierEvent
        let continuation: CheckedContinuation<CarrierEventIngest.Outcome, any Error>
    }

    /// The most events written in one transaction.
    static let maxGroup = 64
    /// How long the loop keeps the writer connection for consecutive groups before it lets other
    /// writers (API requests, job runners) have it: they wait at most this plus one group.
    let maxLease: Duration
    private var pending: [Item] = []
    private var draining = false

    init(maxLease: Duration = .milliseconds(25)) {
        self.maxLease = maxLease
    }

    func submit(_ event: CarrierEvent, to ingest: CarrierEventIngest) async throws
        -> CarrierEventIngest.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Item(event: event, continuation: continuation))
            if !draining {
                draining = true
                // On the writer's thread: between two groups nothing then waits behind other tasks.
                Task(executorPreference: ingest.store.writeExecutor) { await self.drain(ingest) }
            }
        }
    }

    /// The next group, or nil when none is waiting.
    private func nextGroup() -> [Item]? {
        guard !pending.isEmpty else { return nil }
        let group = Array(pending.prefix(Self.maxGroup))
        pending.removeFirst(group.count)
        return group
    }

    /// Writes groups while events wait, each lease of the writer connection lasting up to `maxLease`.
    private func drain(_ ingest: CarrierEventIngest) async {
        while !pending.isEmpty {
            do {
                try await ingest.store.withWriterLease { lease in
                    // Counted from when the connection is held, and at least one group per lease: under
                    // load the wait for the connection alone can outlast `maxLease`, and a lease that
                    // then wrote nothing left every callback waiting while the loop leased again.
                    let clock = ContinuousClock()
                    let held = clock.now
                    while let group = await self.nextGroup() {
                        await ingest.applyGroup(group, lease: lease)
                        if clock.now - held >= self.maxLease { break }
                    }
                }
            } catch {
                // No writer connection (it waited for one in vain): the waiting events fail, and the
                // carrier delivers them again.
                ingest.logger.error("no writer connection for carrier events", metadata: ["error": "\(error)"])
                while let group = nextGroup() {
                    for item in group { item.continuation.resume(throwing: error) }
                }
            }
        }
        draining = false
    }
}
