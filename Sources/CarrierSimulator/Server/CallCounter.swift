import Synchronization

/// Partner calls received per operation (every attempt, faulted or not): a retried call shows up
/// once per attempt, which is how tests see retries from the carrier's side.
public final class CallCounter: Sendable {
    private let counts = Mutex<[PartnerOperation: Int]>([:])

    public init() {}

    func record(_ operation: PartnerOperation) {
        counts.withLock { $0[operation, default: 0] += 1 }
    }

    /// Calls of `operation` received so far.
    public func count(_ operation: PartnerOperation) -> Int {
        counts.withLock { $0[operation] ?? 0 }
    }

    public func reset() {
        counts.withLock { $0.removeAll() }
    }
}
