import ArgumentParser
import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore

/// `carrier-sim`: the simulated carrier network as its own process.
@main
struct CarrierSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier-sim",
        abstract: CarrierSimulatorInfo.name,
        discussion: "Serves the partner API (/v1), the admin API (/sim) and its OpenAPI document (/openapi.yaml)."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 9090

    @Option(help: "Seed of the generated world.")
    var seed: UInt64 = 42

    @Option(help: "Where events are POSTed (PortIn's carrier callback endpoint); without it they are only logged.")
    var callbackURL: String?

    @Option(help: "Shared secret signing callbacks (X-PortIn-Signature).")
    var callbackSecret = "dev-callback-secret"

    @Option(help: "API key clients send as Authorization: Bearer <key>.")
    var apiKey = "dev-api-key"

    @Option(help: "Virtual seconds per real second (1 = real time; 3600 = an hour per second).")
    var timeScale: Double = 1

    @Option(help: "Subscriber records to register at start (JSON or CSV).")
    var subscribers: String?

    @Option(help: "A clock anchor file (JSON) shared with PortIn (`<data>/demo-clock.json`): both run one accelerated timeline at --time-scale.")
    var clockFile: String?

    @Option(help: "Delivery attempts per callback (exponential backoff from 250 ms between them).")
    var callbackAttempts = 5

    @Flag(help: "Run on a manual clock, moved only by POST /sim/clock/advance.")
    var manualClock = false

    @Option(help: "Milliseconds of real time between ticks of the scheduler (real or accelerated clock).")
    var tickMs = 250

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel = "info"

    func validate() throws {
        guard timeScale > 0, timeScale.isFinite else { throw ValidationError("--time-scale must be > 0") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard callbackAttempts > 0 else { throw ValidationError("--callback-attempts must be > 0") }
        guard !(manualClock && clockFile != nil) else { throw ValidationError("--clock-file and --manual-clock exclude each other") }
        guard tickMs > 0 else { throw ValidationError("--tick-ms must be > 0") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "carrier-sim")

        let clock: any PortInClock = try manualClock
            ? ManualClock(Date())
            : clockFile.map { try AcceleratedClock.persisted(at: URL(fileURLWithPath: $0), speed: timeScale) }
                ?? AcceleratedClock(scale: timeScale, virtualStart: Date())
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let callbacks: (any CarrierEventSink)? = callbackURL.map {
            HTTPCallbackSink(url: $0, secret: callbackSecret, client: client, maxAttempts: callbackAttempts,
                             logger: Logger(label: "carrier-sim.callbacks"), now: { clock.now() })
        }
        let network = CarrierNetwork(seed: seed, clock: clock,
                                     sink: LoggingEventSink(next: callbacks, logger: Logger(label: "carrier-sim.events")))
        if let subscribers {
            let text = try String(contentsOfFile: subscribers, encoding: .utf8)
            let records = try SubscriberRecord.records(fileContents: text)
            try network.addSubscribers(records)
            logger.info("subscribers loaded", metadata: ["file": "\(subscribers)", "count": "\(records.count)"])
        }

        let ticker = SimulatorTicker(network: network)
        let running = try await SimulatorServer.start(network: network, clock: clock, host: host, port: port,
                                                      apiKey: apiKey, ticker: ticker, logger: Logger(label: "carrier-sim.http"))
        let mode = manualClock ? "manual clock (POST /sim/clock/advance)" : timeScale == 1 ? "real time" : "\(timeScale)x time"
        print("carrier-sim listening on \(running.baseURL) (seed \(seed), \(mode), \(network.carriers.count) carriers)")
        print("  OpenAPI: \(running.baseURL)/openapi.yaml")
        print("  callbacks: \(callbackURL ?? "none (events are logged only)")")
        fflush(nil)  // every stream; stdout to a file or pipe is block-buffered; say where we listen now

        let driver: Task<Void, Never>? = manualClock ? nil : Task { await ticker.drive(every: .milliseconds(tickMs)) }
        let signal = await ShutdownSignal.wait()
        logger.info("shutting down", metadata: ["signal": "\(signal)"])
        driver?.cancel()
        await driver?.value
        try await running.shutdown()
        try await client.shutdown()
    }
}

/// Logs each event (never a PIN: events carry none) and passes it on.
struct LoggingEventSink: CarrierEventSink {
    let next: (any CarrierEventSink)?
    let logger: Logger

    func deliver(_ event: CarrierEvent) async {
        var metadata: Logger.Metadata = ["event_id": "\(event.eventId)", "pon": "\(event.pon)", "version": "\(event.version)"]
        if let foc = event.focDate { metadata["foc_date"] = "\(foc)" }
        if let errors = event.errors { metadata["errors"] = "\(errors.map(\.code).joined(separator: ","))" }
        if let code = event.exceptionCode { metadata["exception"] = "\(code)" }
        logger.info("event \(event.type.rawValue)", metadata: metadata)
        await next?.deliver(event)
    }
}
