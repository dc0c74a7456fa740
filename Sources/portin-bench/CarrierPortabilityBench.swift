import ArgumentParser
import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore

/// `portin-bench carrier-portability`: one 20,000-number portability check through
/// `HTTPCarrierGateway` against the simulator on loopback (in-process, or `--url`), with the
/// engine's in-process time for the same numbers as the baseline.
struct CarrierPortabilityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier-portability",
        abstract: "20,000-number portability check through the HTTP gateway against carrier-sim on loopback."
    )

    @Option(help: "Numbers per check (the API allows 20,000).") var count = 20_000
    @Option(help: "Timed checks (after warm-up).") var runs = 15
    @Option(help: "Untimed warm-up checks.") var warmup = 3
    @Option(help: "Seed of the numbers and of the simulated world.") var seed: UInt64 = 42
    @Option(help: "A running carrier-sim (e.g. http://127.0.0.1:9090); default: start one in-process on loopback.")
    var url: String?
    @Option(help: "API key of the carrier-sim given with --url.") var apiKey = "dev-api-key"

    func run() async throws {
        // Per-request info logs would be measured too; only problems are worth printing here.
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let numbers = Self.numbers(count: count, seed: seed)
        let clock = ManualClock(Date())
        let network = CarrierNetwork(seed: seed, clock: clock)
        let running: RunningSimulator?
        let baseURL: String
        let key: String
        if let url {
            running = nil
            baseURL = url
            key = apiKey
        } else {
            key = "bench-key"
            running = try await SimulatorServer.start(network: network, clock: clock, apiKey: key)
            baseURL = running!.baseURL
        }
        let gateway = HTTPCarrierGateway(configuration: .init(baseURL: baseURL, apiKey: key, timeout: .seconds(30), maxAttempts: 1),
                                         client: .shared)
        let request = PortabilityCheckRequest(numbers: numbers)
        let timer = ContinuousClock()

        var portable = 0
        for _ in 0..<warmup { portable = try await gateway.checkPortability(request).results.filter(\.portable).count }
        var http: [Double] = []
        for _ in 0..<max(1, runs) {
            var results = 0
            let elapsed = try await timer.measure { results = try await gateway.checkPortability(request).results.count }
            guard results == numbers.count else { throw ValidationError("got \(results) results for \(numbers.count) numbers") }
            http.append(Self.milliseconds(elapsed))
        }
        var engine: [Double] = []
        for _ in 0..<max(1, runs) {
            let elapsed = try await timer.measure { _ = try await network.checkPortability(request) }
            engine.append(Self.milliseconds(elapsed))
        }
        // Where the HTTP time goes: the wire's JSON coding of the same answer, timed alone.
        let answer = try await network.checkPortability(request)
        var encode: [Double] = [], decode: [Double] = [], fastEncode: [Double] = [], fastDecode: [Double] = []
        var bytes = 0
        for _ in 0..<max(1, runs) {
            var data = Data()
            encode.append(Self.milliseconds(try timer.measure { data = try CarrierWire.encoder().encode(answer) }))
            bytes = data.count
            decode.append(Self.milliseconds(try timer.measure {
                _ = try CarrierWire.decoder().decode(PortabilityCheckResponse.self, from: data)
            }))
            var fast: [UInt8] = []
            fastEncode.append(Self.milliseconds(timer.measure { fast = PortabilityJSON.encode(answer) }))
            let fastData = Data(fast)
            fastDecode.append(Self.milliseconds(try timer.measure { _ = try PortabilityJSON.decode(fastData) }))
        }
        try await running?.shutdown()

        print("carrier-portability: \(numbers.count) numbers per check (seed \(seed), \(portable) portable), \(runs) runs after \(warmup) warm-up")
        print("  server: \(url ?? "in-process carrier-sim on \(baseURL)")")
        Self.report("HTTP gateway (loopback)", http)
        if url == nil { Self.report("engine in-process", engine) }
        print("  the answer alone (\(bytes / 1024) KiB of JSON):")
        Self.report("PortabilityJSON encode", fastEncode)
        Self.report("PortabilityJSON decode", fastDecode)
        Self.report("Foundation JSONEncoder", encode)
        Self.report("Foundation JSONDecoder", decode)
        let median = Self.percentile(http, 0.5)
        print(String(format: "  target <= 200 ms per check: %@ (median %.1f ms)", median <= 200 ? "met" : "NOT met", median))
    }

    static func report(_ label: String, _ samples: [Double]) {
        let text = String(format: "min %7.1f ms   median %7.1f ms   p95 %7.1f ms",
                          samples.min() ?? 0, percentile(samples, 0.5), percentile(samples, 0.95))
        print("  \(label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(text)")
    }

    /// Nearest-rank percentile.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// Distinct valid NANP geographic numbers across many area codes (seeded, so every run asks the same).
    static func numbers(count: Int, seed: UInt64) -> [String] {
        let areaCodes = [201, 202, 212, 213, 214, 215, 303, 305, 312, 313, 404, 415, 503, 512, 602, 617, 702, 713, 804, 919]
        var state = seed
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var seen = Set<String>()
        var out: [String] = []
        out.reserveCapacity(count)
        while out.count < count {
            let npa = areaCodes[Int(next() % UInt64(areaCodes.count))]
            var nxx = 200 + Int(next() % 800)
            if nxx % 100 == 11 || nxx == 555 || nxx == 950 || nxx == 958 || nxx == 959 || nxx == 976 { nxx = 234 + Int(next() % 500) }
            let line = Int(next() % 10_000)
            let number = "+1\(npa)\(nxx)" + String(format: "%04d", line)
            if seen.insert(number).inserted { out.append(number) }
        }
        return out
    }
}
