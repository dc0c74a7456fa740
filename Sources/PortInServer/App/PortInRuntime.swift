import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore
import PortInStore

/// The whole service as `portin serve` runs it: data directory, database (migrated), PIN key,
/// carrier gateway (partner over HTTP, or the embedded simulator), demo credentials and HTTP server.
public final class PortInRuntime: Sendable {
    public let configuration: ServerConfiguration
    public let storeRuntime: StoreRuntime
    public let server: RunningServer
    /// The embedded carrier network when no partner URL is configured.
    public let network: CarrierNetwork?
    public let demo: DemoCredentials?
    let httpGateway: HTTPCarrierGateway?
    /// The embedded simulator's ticker, stopped on shutdown.
    let background: [Task<Void, Never>]
    /// The embedded workers (jobs, emails, webhooks), when `PORTIN_EMBEDDED_WORKER` is on.
    let work: BackgroundWork?

    private init(configuration: ServerConfiguration, storeRuntime: StoreRuntime, server: RunningServer, network: CarrierNetwork?,
                 demo: DemoCredentials?, httpGateway: HTTPCarrierGateway?, background: [Task<Void, Never>], work: BackgroundWork?) {
        self.background = background
        self.work = work
        self.configuration = configuration
        self.storeRuntime = storeRuntime
        self.server = server
        self.network = network
        self.demo = demo
        self.httpGateway = httpGateway
    }

    /// Opens the data directory and the migrated database (used by `serve`, `migrate` and the admin commands).
    public static func openStore(_ configuration: ServerConfiguration, logger: Logger = Logger(label: "portin.store")) async throws
        -> StoreRuntime {
        let directory = try dataDirectory(configuration)
        let key = try pinKey(configuration, directory: directory)
        let url = configuration.databaseURL ?? directory.appendingPathComponent("portin.sqlite").path
        let runtime = try StoreRuntime(configuration: try StoreConfiguration(url: url), secretBox: try SecretBox(base64Key: key),
                                       logger: logger)
        do {
            try await runtime.migrate()
        } catch {
            await runtime.shutdown()
            throw error
        }
        return runtime
    }

    /// Starts everything; `clock` is shared by the service and the embedded simulator. Without one,
    /// the configured speed decides: real time, or the persisted accelerated demo clock.
    public static func start(_ configuration: ServerConfiguration, clock: (any PortInClock)? = nil,
                             logger: Logger = Logger(label: "portin")) async throws -> PortInRuntime {
        let directory = try dataDirectory(configuration)
        let speed = configuration.effectiveClockSpeed
        let clock = try clock ?? (speed == 1 ? SystemClock() : DemoClock.load(dataDirectory: directory, speed: speed))
        let storeRuntime = try await openStore(configuration, logger: logger)
        let gateway: any CarrierGateway
        var network: CarrierNetwork?
        var httpGateway: HTTPCarrierGateway?
        if let url = configuration.carrierURL {
            let http = HTTPCarrierGateway(configuration: .init(baseURL: url, apiKey: configuration.carrierAPIKey ?? ""), logger: logger)
            httpGateway = http
            gateway = http
        } else {
            let embedded = CarrierNetwork(seed: configuration.simulatorSeed, clock: clock)
            if configuration.demo { DemoSubscriber.seed(embedded) }
            network = embedded
            gateway = embedded
        }
        do {
            let demo = configuration.demo
                ? try await DemoCredentials.ensure(store: storeRuntime.store, dataDirectory: directory, clock: clock) : nil
            let dependencies = ServiceDependencies(
                store: storeRuntime.store, gateway: gateway, clock: clock,
                documentsDirectory: directory.appendingPathComponent("documents", isDirectory: true),
                limits: ServiceLimits(maxUploadBytes: configuration.maxUploadBytes),
                databaseName: storeRuntime.configuration.isPostgres ? "postgresql" : "sqlite",
                callbackSecret: configuration.callbackSecret, webhooksAllowPrivate: configuration.webhooksAllowPrivate,
                web: WebSettings(secureCookies: configuration.effectiveSecureCookies),
                // Sessions and lockouts keep wall time, also on the accelerated demo clock.
                sessionClock: SystemClock(), respOrgID: configuration.respOrgID)
            let server = try await RunningServer.start(dependencies: dependencies, host: configuration.host, port: configuration.port,
                                                       logger: logger)
            var background: [Task<Void, Never>] = []
            if let network {
                // The embedded carrier acts on its own schedule: its events go to the same ingest as callbacks.
                let ingest = dependencies.makeIngest(logger: logger)
                network.setSink(IngestingEventSink(ingest: ingest, logger: logger))
                background.append(Task {
                    while !Task.isCancelled {
                        await network.tick()
                        try? await Task.sleep(for: .milliseconds(200))
                    }
                })
            }
            let work = configuration.embeddedWorker
                ? try await BackgroundWork.start(store: storeRuntime.store, gateway: gateway, clock: clock, speed: speed,
                                       configuration: configuration, dataDirectory: directory, logger: logger)
                : nil
            return PortInRuntime(configuration: configuration, storeRuntime: storeRuntime, server: server, network: network, demo: demo,
                                 httpGateway: httpGateway, background: background, work: work)
        } catch {
            try? await httpGateway?.shutdown()
            await storeRuntime.shutdown()
            throw error
        }
    }

    /// Stops the server and background work, then the gateway and the database.
    public func shutdown() async {
        for task in background { task.cancel() }
        for task in background { await task.value }
        await work?.stop()
        try? await server.shutdown()
        try? await httpGateway?.shutdown()
        await storeRuntime.shutdown()
    }

    /// `portin worker`: runs lifecycle jobs and the outboxes against the configured partner carrier until cancelled.
    /// Several workers may share one PostgreSQL database (jobs are claimed with SKIP LOCKED leases).
    public static func runWorker(_ configuration: ServerConfiguration, logger: Logger = Logger(label: "portin.worker"),
                                 until stop: @escaping @Sendable () async -> Void) async throws {
        guard let url = configuration.carrierURL else {
            throw ConfigurationError(problems: ["portin worker needs PORTIN_CARRIER_URL (the embedded simulator lives inside serve)"])
        }
        let storeRuntime = try await openStore(configuration, logger: logger)
        let gateway = HTTPCarrierGateway(configuration: .init(baseURL: url, apiKey: configuration.carrierAPIKey ?? ""), logger: logger)
        let work: BackgroundWork
        do {
            work = try await BackgroundWork.start(store: storeRuntime.store, gateway: gateway, clock: SystemClock(), speed: 1,
                                                  configuration: configuration, dataDirectory: try dataDirectory(configuration),
                                                  logger: logger)
        } catch {
            try? await gateway.shutdown()
            await storeRuntime.shutdown()
            throw error
        }
        await stop()
        await work.stop()
        try? await gateway.shutdown()
        await storeRuntime.shutdown()
    }

    /// The data directory, created when missing.
    static func dataDirectory(_ configuration: ServerConfiguration) throws -> URL {
        let url = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true).standardizedFileURL
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The configured PIN key, or the one generated into `<data>/pin.key` (mode 0600) on first start.
    static func pinKey(_ configuration: ServerConfiguration, directory: URL) throws -> String {
        if let key = configuration.pinKey { return key }
        let file = directory.appendingPathComponent("pin.key")
        if let saved = try? String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !saved.isEmpty {
            return saved
        }
        let key = SecretBox.generateKey()
        try Data((key + "\n").utf8).write(to: file, options: .withoutOverwriting)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return key
    }
}
