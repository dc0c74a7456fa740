import ArgumentParser
import AsyncHTTPClient
import CarrierSimulator
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PortInCore
import PortInServer
import PortInStore

/// `portin-bench service`: the PortIn API on loopback with SQLite in a file and the simulator in
/// process. (1) `POST /v1/port-requests` with 20,000 numbers: check, split, persist, answer.
/// (2) `GET /v1/port-requests/{id}` throughput under concurrent load, against `GET /health` on the
/// same server in the same run (the baseline).
struct ServiceBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Create with 20,000 numbers, and GET request throughput against /health (SQLite file, loopback HTTP)."
    )

    @Option(help: "Numbers per create call.") var count = 20_000
    @Option(help: "Timed create calls (each with fresh numbers).") var runs = 5
    @Option(help: "Seconds per throughput phase.") var seconds = 5.0
    @Option(help: "Concurrent connections in the throughput phases.") var concurrency = 32
    @Option(help: "Seed of the numbers and of the simulated world.") var seed: UInt64 = 42

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let runtime = try StoreRuntime(configuration: try StoreConfiguration(url: directory.appendingPathComponent("bench.sqlite").path),
                                       secretBox: try SecretBox(base64Key: SecretBox.generateKey()))
        try await runtime.migrate()
        let clock = SystemClock()
        let network = CarrierNetwork(seed: seed, clock: clock)
        let dependencies = ServiceDependencies(store: runtime.store, gateway: network, clock: clock,
                                               documentsDirectory: directory.appendingPathComponent("documents"),
                                               databaseName: "sqlite")
        let server = try await RunningServer.start(dependencies: dependencies)
        let created = try await runtime.store.accounts.create(name: "Bench", plan: .standard, contactEmails: [], now: clock.now())
        let auth = "Basic " + Data("\(created.account.authId):\(created.authToken)".utf8).base64EncodedString()
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            print("service: PortIn API on \(server.baseURL), SQLite file, simulator in process (seed \(seed))")
            try await benchCreate(client: client, base: server.baseURL, auth: auth)
            try await benchThroughput(client: client, base: server.baseURL, auth: auth)
        } catch {
            try? await client.shutdown()
            try? await server.shutdown()
            await runtime.shutdown()
            throw error
        }
        try await client.shutdown()
        try await server.shutdown()
        await runtime.shutdown()
    }

    private func benchCreate(client: HTTPClient, base: String, auth: String) async throws {
        var samples: [Double] = []
        var last = ""
        let timer = ContinuousClock()
        for run in 0..<(runs + 1) {
            // Fresh numbers each time: a number already in an open request would be left out.
            let numbers = CarrierPortabilityBench.numbers(count: count, seed: seed &+ UInt64(run) &* 7919)
            let body = try JSONSerialization.data(withJSONObject: ["numbers": numbers, "business_name": "Bench Co"])
            var status = 0
            var answer = Data()
            let elapsed = try await timer.measure {
                (status, answer) = try await send(client, .POST, base + "/v1/port-requests", auth: auth, body: body)
            }
            guard status == 201 else { throw ValidationError("create answered \(status): \(String(decoding: answer.prefix(300), as: UTF8.self))") }
            let json = try JSONSerialization.jsonObject(with: answer) as? [String: Any] ?? [:]
            let requests = json["port_requests"] as? [[String: Any]] ?? []
            let placed = requests.reduce(0) { $0 + (($1["numbers"] as? [Any])?.count ?? 0) }
            let excluded = (json["excluded"] as? [Any])?.count ?? 0
            last = "\(requests.count) requests, \(placed) numbers placed, \(excluded) left out, \(answer.count / 1024) KiB answer"
            if run > 0 { samples.append(CarrierPortabilityBench.milliseconds(elapsed)) }  // run 0 warms up
        }
        print("  create with \(count) numbers (check, split, persist, answer), \(runs) runs after 1 warm-up: \(last)")
        CarrierPortabilityBench.report("POST /v1/port-requests", samples)
        let median = CarrierPortabilityBench.percentile(samples, 0.5)
        print(String(format: "  target <= 2000 ms: %@ (median %.0f ms)", median <= 2000 ? "met" : "NOT met", median))
    }

    private func benchThroughput(client: HTTPClient, base: String, auth: String) async throws {
        // A typical request: a handful of numbers, read with its documents.
        let numbers = ["+12175220142", "+12175220143", "+12175220144"]
        let body = try JSONSerialization.data(withJSONObject: ["numbers": numbers, "business_name": "Small Co"])
        let (status, answer) = try await send(client, .POST, base + "/v1/port-requests", auth: auth, body: body)
        guard status == 201, let json = try JSONSerialization.jsonObject(with: answer) as? [String: Any],
              let id = (json["port_requests"] as? [[String: Any]])?.first?["id"] as? String
        else { throw ValidationError("could not create the request to read (\(status))") }

        var health: [Double] = []
        var detail: [Double] = []
        for _ in 0..<2 {  // alternate, so drift in machine load hits both alike
            health.append(try await throughput(client: client, url: base + "/health", auth: nil))
            detail.append(try await throughput(client: client, url: base + "/v1/port-requests/\(id)", auth: auth))
        }
        let healthRate = health.max() ?? 0
        let detailRate = detail.max() ?? 0
        print("  throughput, \(concurrency) concurrent connections, \(seconds) s per phase, best of 2 alternating phases:")
        print(String(format: "    GET /health                      %8.0f req/s", healthRate))
        print(String(format: "    GET /v1/port-requests/{id}       %8.0f req/s", detailRate))
        let ratio = healthRate > 0 ? detailRate / healthRate : 0
        print(String(format: "    ratio %.2f (target >= 0.50: %@)", ratio, ratio >= 0.5 ? "met" : "NOT met"))
    }

    /// Requests per second with `concurrency` workers for `seconds`.
    private func throughput(client: HTTPClient, url: String, auth: String?) async throws -> Double {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let start = ContinuousClock.now
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var done = 0
                    while ContinuousClock.now < deadline {
                        let (status, _) = try await send(client, .GET, url, auth: auth, body: nil)
                        guard status == 200 else { throw ValidationError("\(url) answered \(status)") }
                        done += 1
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(total) / CarrierPortabilityBench.milliseconds(ContinuousClock.now - start) * 1000
    }

    private func send(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, auth: String?, body: Data?) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let auth { request.headers.add(name: "Authorization", value: auth) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 256 * 1024 * 1024)
        return (Int(response.status.code), Data(buffer: buffer))
    }
}
