import CarrierKit
import Synchronization

/// Where the simulated partner delivers its events (callbacks). The HTTP server POSTs them signed;
/// tests and embedded use record them.
public protocol CarrierEventSink: Sendable {
    func deliver(_ event: CarrierEvent) async
}

/// A sink that keeps every delivered event in delivery order (duplicates included).
public final class RecordingEventSink: CarrierEventSink {
    private let delivered = Mutex<[CarrierEvent]>([])

    public init() {}

    public func deliver(_ event: CarrierEvent) async {
        delivered.withLock { $0.append(event) }
    }

    /// Every event delivered so far.
    public var events: [CarrierEvent] { delivered.withLock { $0 } }

    /// The events delivered for one PON.
    public func events(pon: String) -> [CarrierEvent] { events.filter { $0.pon == pon } }

    /// Forgets the events delivered so far.
    public func removeAll() { delivered.withLock { $0.removeAll() } }
}

/// A sink that drops every event (for a network used only for checks and CSRs).
public struct DiscardingEventSink: CarrierEventSink {
    public init() {}
    public func deliver(_ event: CarrierEvent) async {}
}
