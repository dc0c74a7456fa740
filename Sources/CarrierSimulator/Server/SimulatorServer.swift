import CarrierKit
import Foundation
import Logging
import NIOCore
import PortInCore
import Vapor

/// The simulator's HTTP face: the partner API around any `CarrierGateway`, `/health`,
/// `/openapi.yaml`, and (around a `CarrierNetwork`) the `/sim/` admin API. Every route but
/// `/health` and `/openapi.yaml` needs `Authorization: Bearer <apiKey>`.
public enum SimulatorServer {
    /// Registers the partner API on `app` around `gateway`; `faults` decides HTTP-level faults.
    public static func configure(_ app: Application, gateway: any CarrierGateway, apiKey: String,
                                 faults: PartnerFaultLookup? = nil, counter: CallCounter = CallCounter(),
                                 admin: (@Sendable (any RoutesBuilder) -> Void)? = nil) {
        // Our own error shape everywhere, not Vapor's `{"error": true, "reason": ...}`.
        app.middleware = Middlewares()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
        app.middleware.use(JSONErrorMiddleware())
        app.routes.defaultMaxBodySize = "1mb"

        app.get("health") { _ in try JSONAnswer.ok(["status": "ok"]) }
        app.get("openapi.yaml") { _ -> Response in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "application/yaml")
            return Response(status: .ok, headers: headers, body: .init(string: SimulatorOpenAPI.document))
        }
        let protected = app.grouped(APIKeyMiddleware(apiKey: apiKey))
        PartnerRoutes(gateway: gateway, faults: faults, counter: counter).register(on: protected)
        admin?(protected.grouped("sim"))
    }

    /// Starts a configured server on `host:port` (0 = an ephemeral port) and returns it running.
    public static func start(gateway: any CarrierGateway, host: String = "127.0.0.1", port: Int = 0, apiKey: String,
                             faults: PartnerFaultLookup? = nil, logger: Logger = Logger(label: "portin.carrier-sim"),
                             admin: (@Sendable (any RoutesBuilder) -> Void)? = nil) async throws -> RunningSimulator {
        let app = try await Application.make(Environment(name: "simulator", arguments: ["carrier-sim"]), .singleton, logger: logger)
        let counter = CallCounter()
        configure(app, gateway: gateway, apiKey: apiKey, faults: faults, counter: counter, admin: admin)
        return try await run(app, host: host, port: port, counter: counter)
    }

    /// Starts the whole simulator around `network`: the partner API with the engine's HTTP faults,
    /// and the `/sim/` admin API. `clock` must be the network's clock; `/sim/clock/advance` works
    /// only when it is a `ManualClock`. Tick through `ticker` when something else also ticks.
    public static func start(network: CarrierNetwork, clock: any PortInClock, host: String = "127.0.0.1", port: Int = 0,
                             apiKey: String, ticker: SimulatorTicker? = nil,
                             logger: Logger = Logger(label: "portin.carrier-sim")) async throws -> RunningSimulator {
        let ticker = ticker ?? SimulatorTicker(network: network)
        let admin = AdminRoutes(network: network, clock: clock, ticker: ticker)
        return try await start(gateway: network, host: host, port: port, apiKey: apiKey,
                               faults: faultLookup(for: network), logger: logger, admin: admin.register(on:))
    }

    /// The engine's HTTP faults; cancel and activate name no numbers, so the order's are used.
    public static func faultLookup(for network: CarrierNetwork) -> PartnerFaultLookup {
        { route, numbers, pon in
            var numbers = numbers
            if numbers.isEmpty, let pon, let order = network.order(pon: pon) { numbers = order.numbers }
            return network.httpFault(for: route, numbers: numbers)
        }
    }

    /// Binds `app` and reads back the port the system chose.
    static func run(_ app: Application, host: String, port: Int, counter: CallCounter) async throws -> RunningSimulator {
        app.http.server.configuration.hostname = host
        app.http.server.configuration.port = port
        do {
            try await app.server.start(address: .hostname(host, port: port))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        guard let bound = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw SimulatorServerError.noLocalAddress
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return RunningSimulator(app: app, baseURL: "http://\(shownHost):\(bound)", port: bound, calls: counter)
    }
}

public enum SimulatorServerError: Error, Sendable, Hashable {
    /// The server started but reported no bound address.
    case noLocalAddress
}

/// A simulator server listening on a port; `shutdown()` stops it and releases the application.
public final class RunningSimulator: Sendable {
    public let app: Application
    /// `http://host:port`, no trailing slash.
    public let baseURL: String
    public let port: Int
    /// Partner calls received, per operation.
    public let calls: CallCounter

    init(app: Application, baseURL: String, port: Int, calls: CallCounter) {
        self.app = app
        self.baseURL = baseURL
        self.port = port
        self.calls = calls
    }

    public func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
