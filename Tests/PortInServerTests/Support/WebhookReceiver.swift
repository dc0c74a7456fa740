import CarrierKit
import Foundation
import Logging
import NIOHTTP1
import PortInCore
import PortInTestSupport
import Synchronization
import Vapor

/// A customer's webhook receiver on loopback: a real HTTP server (its own Vapor application) that
/// verifies each request's `PortIn-Signature` with the secret the test registered for the path,
/// records what came, and answers as the test scripted: 200 by default, a status set per path,
/// `/redirect` with a 302 to `/ok`, and `/hang` not until the test (or shutdown) releases it.
final class WebhookReceiver: Sendable {
    /// One request as received.
    struct Received: Sendable {
        var path: String
        var headers: HTTPHeaders
        var body: Data
        /// nil when no secret was registered for the path.
        var signatureValid: Bool?
        var answered: Int

        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
        var type: String? { json["type"] as? String }
    }

    private struct State {
        var received: [Received] = []
        var statuses: [String: Int] = [:]
        var secrets: [String: String] = [:]
    }

    let app: Vapor.Application
    private let clock: any PortInClock
    private let state = Mutex(State())
    private let gate = Gate()

    private init(app: Vapor.Application, clock: any PortInClock) {
        self.app = app
        self.clock = clock
    }

    var port: Int { app.http.server.shared.localAddress?.port ?? 0 }
    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a receiver whose signature checks use `clock` for "now" (the service's manual clock).
    static func start(clock: any PortInClock) async throws -> WebhookReceiver {
        var logger = Logger(label: "test.webhook-receiver")
        logger.logLevel = .error
        let app = try await Application.make(Environment(name: "testing", arguments: ["receiver"]), .singleton, logger: logger)
        let receiver = WebhookReceiver(app: app, clock: clock)
        // Routes are fixed when the server starts.
        app.on(.POST, "**", body: .collect(maxSize: "1mb")) { request async throws -> Response in
            try await receiver.receive(request)
        }
        do {
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        guard app.http.server.shared.localAddress?.port != nil else {
            await receiver.shutdown()
            throw HarnessError("the receiver has no local address")
        }
        return receiver
    }

    /// Runs `body` with a started receiver, shutting it down afterwards (also when `body` throws).
    static func with<T>(clock: any PortInClock, _ body: (WebhookReceiver) async throws -> T) async throws -> T {
        let receiver = try await start(clock: clock)
        return try await withCleanup { try await body(receiver) } cleanup: { await receiver.shutdown() }
    }

    func url(_ path: String) -> String { baseURL + path }

    /// Verify requests to `path` with `secret` (a wrong signature is answered 400).
    func expectSecret(_ secret: String, on path: String) {
        state.withLock { $0.secrets[path] = secret }
    }

    /// Answer requests to `path` with `status`.
    func answer(_ status: Int, on path: String) {
        state.withLock { $0.statuses[path] = status }
    }

    var received: [Received] { state.withLock { $0.received } }

    func received(on path: String) -> [Received] { received.filter { $0.path == path } }

    /// Lets every held `/hang` request answer.
    func release() { gate.open() }

    func shutdown() async {
        gate.open()
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    private func receive(_ request: Request) async throws -> Response {
        let path = request.url.path
        let body = request.body.data.map { Data(buffer: $0) } ?? Data()
        let (secret, scripted) = state.withLock { ($0.secrets[path], $0.statuses[path]) }
        var valid: Bool?
        if let secret {
            do {
                try CallbackSignature(secret: secret).verify(header: request.headers.first(name: "PortIn-Signature"), body: body,
                                                             now: clock.now())
                valid = true
            } catch {
                valid = false
            }
        }
        let status: Int
        var headers = HTTPHeaders()
        if valid == false {
            status = 400
        } else if path == "/redirect" {
            status = 302
            headers.add(name: .location, value: baseURL + "/ok")
        } else {
            status = scripted ?? 200
        }
        state.withLock {
            $0.received.append(Received(path: path, headers: request.headers, body: body, signatureValid: valid, answered: status))
        }
        if path == "/hang" { await gate.wait() }
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers,
                        body: .init(string: "answer \(status) from \(path)"))
    }
}

/// Holds waiters until opened; once open, waiting returns at once.
private final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
