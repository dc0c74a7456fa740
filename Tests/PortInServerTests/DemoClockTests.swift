import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Demo clock")
struct DemoClockTests {
    let wall = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the accelerated clock runs speed times faster than the wall clock and never before its origin")
    func acceleration() {
        let clock = AcceleratedClock(origin: wall, wallOrigin: wall, speed: 20_000)
        #expect(clock.reading(atWall: wall.addingTimeInterval(1)) == wall.addingTimeInterval(20_000))
        #expect(clock.reading(atWall: wall.addingTimeInterval(180)) == wall.addingTimeInterval(3_600_000))
        #expect(clock.reading(atWall: wall.addingTimeInterval(-5)) == wall)
    }

    @Test("rebasing to another speed continues the timeline without a jump")
    func rebase() {
        let clock = AcceleratedClock(origin: wall, wallOrigin: wall, speed: 1000)
        let later = wall.addingTimeInterval(10)
        let slower = clock.rebased(speed: 10, atWall: later)
        #expect(slower.reading(atWall: later) == clock.reading(atWall: later))
        #expect(slower.reading(atWall: later.addingTimeInterval(1)) == clock.reading(atWall: later).addingTimeInterval(10))
    }

    @Test("the anchor persists in the data directory: a restart continues the same timeline")
    func persistence() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("democlock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let first = try DemoClock.load(dataDirectory: directory, speed: 20_000, wallNow: wall)
        #expect(first.reading(atWall: wall) == wall)
        // A restart an hour later (wall) reads the same anchor: the demo is 20,000 hours on, not back at the start.
        let restarted = try DemoClock.load(dataDirectory: directory, speed: 20_000, wallNow: wall.addingTimeInterval(3600))
        #expect(restarted == first)
        // A new speed is rebased at the moment of the restart.
        let restartAt = wall.addingTimeInterval(7200)
        let changed = try DemoClock.load(dataDirectory: directory, speed: 100, wallNow: restartAt)
        #expect(changed.speed == 100)
        #expect(changed.reading(atWall: restartAt) == first.reading(atWall: restartAt))
        #expect(try DemoClock.load(dataDirectory: directory, speed: 100, wallNow: restartAt.addingTimeInterval(5)) == changed)
    }

    @Test("the demo speed is the embedded simulator's default; a partner carrier keeps real time unless told")
    func configuration() throws {
        #expect(try ServerConfiguration(environment: [:]).effectiveClockSpeed == ServerConfiguration.demoClockSpeed)
        #expect(try ServerConfiguration(environment: ["PORTIN_CLOCK_SPEED": "1"]).effectiveClockSpeed == 1)
        let partner = ["PORTIN_CARRIER_URL": "http://carrier", "PORTIN_CARRIER_API_KEY": "k"]
        #expect(try ServerConfiguration(environment: partner).effectiveClockSpeed == 1)
        #expect(try ServerConfiguration(environment: partner.merging(["PORTIN_CLOCK_SPEED": "500"]) { $1 }).effectiveClockSpeed == 500)
        for bad in ["0", "fast", "-3", "2000000"] {
            #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["PORTIN_CLOCK_SPEED": bad]) }
        }
    }
}
