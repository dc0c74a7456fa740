import Foundation
import PortInCore

/// The embedded demo's accelerated clock, shared by the service and the simulator. Its anchor is
/// kept in `<data>/demo-clock.json`, so a restart (even after a crash) continues the same virtual
/// timeline instead of starting over in the past: jobs and carrier answers stay due where they were.
enum DemoClock {
    static let fileName = "demo-clock.json"

    /// The persisted clock at `speed`, created (starting at the real time) on first use and rebased
    /// without a jump when the speed changed.
    static func load(dataDirectory: URL, speed: Double, wallNow: Date = Date()) throws -> AcceleratedClock {
        let file = dataDirectory.appendingPathComponent(fileName)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        if let data = try? Data(contentsOf: file), let saved = try? decoder.decode(AcceleratedClock.self, from: data) {
            guard saved.speed != speed else { return saved }
            let rebased = saved.rebased(speed: speed, atWall: wallNow)
            try save(rebased, to: file)
            return rebased
        }
        let clock = AcceleratedClock(origin: wallNow, wallOrigin: wallNow, speed: speed)
        try save(clock, to: file)
        return clock
    }

    private static func save(_ clock: AcceleratedClock, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(clock).write(to: file, options: .atomic)
    }
}
