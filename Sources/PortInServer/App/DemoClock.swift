import Foundation
import PortInCore

/// The accelerated clock, shared by the service and the simulator. Its anchor is kept in
/// `<data>/demo-clock.json`, so a restart (even after a crash) continues the same virtual timeline
/// instead of starting over in the past, and a `carrier-sim --clock-file` can share it.
enum DemoClock {
    static let fileName = "demo-clock.json"

    static func load(dataDirectory: URL, speed: Double, wallNow: Date = Date()) throws -> AcceleratedClock {
        try AcceleratedClock.persisted(at: dataDirectory.appendingPathComponent(fileName), speed: speed, wallNow: wallNow)
    }
}
