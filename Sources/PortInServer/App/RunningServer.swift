import Foundation
import Logging
import Vapor

/// A started HTTP server and how to stop it.
public final class RunningServer: Sendable {
    public let app: Vapor.Application
    /// `http://host:port`.
    public let baseURL: String
    public let port: Int

    init(app: Vapor.Application, baseURL: String, port: Int) {
        self.app = app
        self.baseURL = baseURL
        self.port = port
    }

    /// Starts the API around `dependencies` on `host:port` (0 = an ephemeral port).
    public static func start(dependencies: ServiceDependencies, host: String = "127.0.0.1", port: Int = 0,
                             logger: Logger = Logger(label: "portin.http")) async throws -> RunningServer {
        // Vapor logs request headers (Basic credentials) and bodies (PINs) at trace: never go below debug.
        var logger = logger
        if logger.logLevel < .debug { logger.logLevel = .debug }
        let app = try await Application.make(Environment(name: "production", arguments: ["portin"]), .singleton, logger: logger)
        PortInApp.configure(app, dependencies: dependencies)
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
            throw Abort(.internalServerError, reason: "the server has no local address")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return RunningServer(app: app, baseURL: "http://\(shownHost):\(bound)", port: bound)
    }

    /// Stops accepting, finishes in-flight requests, releases the application.
    public func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
