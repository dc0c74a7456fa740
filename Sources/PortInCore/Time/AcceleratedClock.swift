import Foundation

/// A clock running `speed` times faster than the wall clock from an anchor: at wall time
/// `wallOrigin` it read `origin`. It is monotonic as long as the wall clock is, and the same
/// anchor gives the same reading in every process, so a restart continues the demo's timeline.
public struct AcceleratedClock: PortInClock, Hashable, Codable {
    public let origin: Date
    public let wallOrigin: Date
    public let speed: Double

    public init(origin: Date, wallOrigin: Date, speed: Double) {
        self.origin = origin
        self.wallOrigin = wallOrigin
        self.speed = speed
    }

    /// Runs `scale` times faster than real time from `virtualStart`, starting at wall time `realStart`.
    public init(scale: Double, virtualStart: Date, realStart: Date = Date()) {
        self.init(origin: virtualStart, wallOrigin: realStart, speed: scale)
    }

    public func now() -> Date { reading(atWall: Date()) }

    /// What the clock reads at wall time `wall` (never before `origin`).
    public func reading(atWall wall: Date) -> Date {
        origin.addingTimeInterval(max(0, wall.timeIntervalSince(wallOrigin)) * speed)
    }

    /// The same timeline continued at another speed from `wall` on (no jump, no step back).
    public func rebased(speed newSpeed: Double, atWall wall: Date) -> AcceleratedClock {
        AcceleratedClock(origin: reading(atWall: wall), wallOrigin: wall, speed: newSpeed)
    }

    enum CodingKeys: String, CodingKey {
        case origin
        case wallOrigin = "wall_origin"
        case speed
    }
}

extension AcceleratedClock {
    /// The clock anchored in `file` (JSON), so several processes (PortIn and a carrier-sim) and
    /// restarts share one timeline: created at the real time on first use, rebased without a jump
    /// when `speed` changed.
    public static func persisted(at file: URL, speed: Double, wallNow: Date = Date()) throws -> AcceleratedClock {
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
