import Synchronization
import ArgumentParser
import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PortInCore
import PortInServer
import PortInStore

/// `portin-bench lifecycle`: (1) signed carrier callbacks posted to `POST /v1/carrier/callbacks` over
/// loopback HTTP and applied through the state machine (status, event, notifications and jobs in one
/// transaction each, duplicates included); (2) a queue of due jobs drained by job runners, checking
/// that every job ran exactly once. SQLite file by default; `--database-url` for PostgreSQL.
struct LifecycleBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Carrier callback ingestion rate, and 100,000 due jobs drained (SQLite file, or PostgreSQL)."
    )

    @Option(help: "Port requests whose callbacks are posted (4 events each: 3 moves and a duplicate).") var requests = 2_500
    @Option(help: "Concurrent callback senders.") var concurrency = 16
    @Option(help: "Due jobs to drain.") var jobs = 100_000
    @Option(help: "Concurrent job runners (one is right for SQLite; PostgreSQL claims with SKIP LOCKED).") var workers = 1
    @Option(help: "Jobs claimed per batch.") var batch = 100
    @Option(help: "postgres://... to run on PostgreSQL (a scratch database: the bench drops its tables).") var databaseURL: String?

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = databaseURL ?? directory.appendingPathComponent("bench.sqlite").path
        let runtime = try StoreRuntime(configuration: try StoreConfiguration(url: url), secretBox: try SecretBox(base64Key: SecretBox.generateKey()))
        do {
            if databaseURL != nil { try await runtime.dropSchema() }
            try await runtime.migrate()
            print("lifecycle: \(databaseURL == nil ? "SQLite file" : "PostgreSQL"), \(Self.buildKind) build")
            try await benchCallbacks(runtime, directory: directory)
            try await benchJobs(runtime)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    // MARK: Callbacks

    private func benchCallbacks(_ runtime: StoreRuntime, directory: URL) async throws {
        let store = runtime.store
        let clock = SystemClock()
        let secret = "bench-callback-secret"
        let dependencies = ServiceDependencies(store: store, gateway: CarrierNetwork(seed: 42, clock: clock), clock: clock,
                                               documentsDirectory: directory.appendingPathComponent("documents"),
                                               databaseName: runtime.configuration.isPostgres ? "postgresql" : "sqlite",
                                               callbackSecret: secret)
        let server = try await RunningServer.start(dependencies: dependencies)
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(connectionPool: .init(idleTimeout: .seconds(60),
                                                                           concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            // Submitted requests of one number each, the state a carrier's first callback finds them in.
            let account = try await store.accounts.create(name: "Bench", plan: .standard, contactEmails: ["noc@bench.test"],
                                                          now: clock.now()).account
            var pons: [String] = []
            for index in 0..<requests {
                let number = "+1217\(200 + index / 10_000)\(String(format: "%04d", index % 10_000))"
                let draft = PortRequestDraft(businessName: "Bench Co", notificationEmails: ["ops@bench.test"], numbers: [number])
                let created = try await store.portRequests.create(NewPortRequest(accountId: account.id, groupId: "grp_bench\(index)",
                                                                                 draft: draft, numberType: .geographic,
                                                                                 losingCarrier: CarrierRef(spid: "1234", name: "Bench")),
                                                                  now: clock.now())
                _ = try await store.portRequests.transition(id: created.id, change: StatusChange(from: .draft, to: .submitted), now: clock.now())
                pons.append(created.pon)
            }
            let signature = CallbackSignature(secret: secret)
            let base = server.baseURL
            let focDate = CivilDate(daysSinceEpoch: Int(clock.now().timeIntervalSince1970 / 86_400) + 14)
            // The carrier's side of the work (encoding and signing each event) is done before the
            // clock starts: the figure is our ingestion, not the sender's.
            let lanes = concurrency
            var prepared: [[(body: ByteBuffer, signature: String)]] = Array(repeating: [], count: lanes)
            for (index, pon) in pons.enumerated() {
                let events = [
                    CarrierEvent(eventId: "\(pon)-1", type: .received, pon: pon, version: 1, occurredAt: clock.now()),
                    CarrierEvent(eventId: "\(pon)-2", type: .sentToLosingCarrier, pon: pon, version: 1, occurredAt: clock.now()),
                    CarrierEvent(eventId: "\(pon)-3", type: .foc, pon: pon, version: 1, occurredAt: clock.now(), focDate: focDate),
                ]
                for event in events + [events[2]] {  // the FOC twice: a redelivery
                    let body = try CarrierWire.encoder().encode(event)
                    prepared[index % lanes].append((ByteBuffer(data: body), signature.header(for: body, at: clock.now())))
                }
            }
            let timer = ContinuousClock()
            let cpuBefore = ProcessCPU.seconds()
            let outcomes = OutcomeCounter()
            let work = prepared
            let elapsed = try await timer.measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for lane in 0..<lanes {
                        group.addTask {
                            // In order within a lane: one request's events go one after the other.
                            for (body, header) in work[lane] {
                                var request = HTTPClientRequest(url: base + "/v1/carrier/callbacks")
                                request.method = .POST
                                request.headers.add(name: "Content-Type", value: "application/json")
                                request.headers.add(name: CallbackSignature.headerName, value: header)
                                request.body = .bytes(body)
                                let response = try await client.execute(request, timeout: .seconds(60))
                                let answer = try await response.body.collect(upTo: 64 * 1024)
                                guard response.status == .ok else {
                                    throw ValidationError("callback answered \(response.status.code): \(String(buffer: answer))")
                                }
                                let outcome = (try JSONSerialization.jsonObject(with: Data(buffer: answer)) as? [String: Any])?["outcome"]
                                outcomes.add(outcome as? String ?? "?")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let total = requests * 4
            let cpu = ProcessCPU.seconds() - cpuBefore
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let counts = outcomes.counts
            let focConfirmed = try await store.portRequests.statusCounts()[.focConfirmed] ?? 0
            let receipts = try await runtime.count("carrier_event_receipts")
            let outbox = try await runtime.count("outbox_messages")
            print(String(format: "callbacks: %d events (%d requests x 3 moves + 1 duplicate) by %d senders in %.2f s: %.0f events/s",
                         total, requests, concurrency, seconds, Double(total) / seconds))
            print(String(format: "  process CPU %.2f s (%.0f%% of one core): %.2f ms per event", cpu, cpu / seconds * 100, cpu * 1000 / Double(total)))
            print("  outcomes: \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            print("  requests foc_confirmed: \(focConfirmed) of \(requests); event receipts: \(receipts); outbox messages written: \(outbox)")
            guard counts["applied"] == requests * 3, counts["duplicate"] == requests, focConfirmed == requests, receipts == requests * 3 else {
                throw ValidationError("callbacks were lost or applied twice")
            }
        } catch {
            try? await client.shutdown()
            try? await server.shutdown()
            throw error
        }
        try await client.shutdown()
        try await server.shutdown()
    }

    // MARK: Jobs

    private func benchJobs(_ runtime: StoreRuntime) async throws {
        let store = runtime.store
        let clock = SystemClock()
        let before = try await runtime.count("jobs")
        let timer = ContinuousClock()
        let chunk = 1_000
        let enqueueTime = try await timer.measure {
            for start in stride(from: 0, to: jobs, by: chunk) {
                let count = min(chunk, jobs - start)
                try await store.transaction { tx in
                    for index in start..<(start + count) {
                        _ = try await tx.jobs.enqueue(kind: "bench_noop", payload: Data("{\"n\":\(index)}".utf8), runAt: clock.now(),
                                                      maxAttempts: 3, now: clock.now())
                    }
                }
            }
        }
        let ran = RunCounter()
        let logger = Logger(label: "portin.bench")
        let drainTime = try await timer.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                let batch = self.batch
                for worker in 0..<workers {
                    let runner = JobRunner(store: store, clock: clock, owner: "bench-\(worker)", logger: logger) { kind, _ in
                        if kind == "bench_noop" { ran.increment() }
                    }
                    group.addTask { try await runner.runDue(batch: batch) }
                }
                try await group.waitForAll()
            }
        }
        let done = try await runtime.rawText(column: "status", from: "jobs").filter { $0 == "done" }.count
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        print(String(format: "jobs: %d enqueued in %.2f s (%.0f/s, transactions of %d)", jobs, seconds(enqueueTime),
                     Double(jobs) / seconds(enqueueTime), chunk))
        print(String(format: "jobs: %d drained by %d runner(s), batches of %d, in %.2f s: %.0f jobs/s", jobs, workers, batch,
                     seconds(drainTime), Double(jobs) / seconds(drainTime)))
        print("  handler runs: \(ran.value); jobs done: \(done); left queued or running: \(try await runtime.count("jobs") - before - done)")
        guard ran.value == jobs, done == jobs else { throw ValidationError("jobs were lost or ran twice") }
    }
}

/// Outcomes seen by concurrent senders.
final class OutcomeCounter: Sendable {
    private let state = Mutex<[String: Int]>([:])
    func add(_ outcome: String) { state.withLock { $0[outcome, default: 0] += 1 } }
    var counts: [String: Int] { state.withLock { $0 } }
}

/// Handler runs across runners.
final class RunCounter: Sendable {
    private let state = Mutex(0)
    func increment() { state.withLock { $0 += 1 } }
    var value: Int { state.withLock { $0 } }
}

extension LifecycleBench {
    /// Figures only count from a release build; a debug run says so.
    static var buildKind: String {
        #if DEBUG
        "DEBUG (not for figures)"
        #else
        "release"
        #endif
    }
}

/// User plus system CPU time of this process, for a rate that does not depend on what else the machine runs.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}
