import Foundation
import Synchronization

/// The one source of "now". Production uses the system clock, tests a manual clock, and the
/// demo an accelerated clock shared by the server and the embedded carrier simulator.
public protocol PortInClock: Sendable {
    func now() -> Date
}

public struct SystemClock: PortInClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to: time-dependent behaviour is tested without sleeps.
public final class ManualClock: PortInClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Moves to `date`; a clock never runs backwards, so an earlier date is ignored.
    public func set(_ date: Date) {
        current.withLock { $0 = max($0, date) }
    }
}
