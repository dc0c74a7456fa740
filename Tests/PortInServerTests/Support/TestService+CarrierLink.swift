import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PortInCore
import Synchronization
import Testing

/// How a `TestService` reaches the simulated carrier.
enum CarrierLink: String, Sendable, CustomStringConvertible {
    /// The `CarrierNetwork` object is the gateway; its events go straight into the ingest.
    case inProcess = "in-process"
    /// The simulator's own HTTP server (as `carrier-sim` runs it) on loopback: orders go out through
    /// `HTTPCarrierGateway`, events come back as signed callbacks (`HTTPCallbackSink`) to
    /// `POST /v1/carrier/callbacks`. Same network object, same manual clock.
    case http

    var description: String { rawValue }
}

/// The carrier side of a test service: the gateway the service uses and, over HTTP, the
/// simulator's server and the log of its callbacks.
struct CarrierPieces: Sendable {
    var gateway: any CarrierGateway
    var server: RunningSimulator?
    var callbacks: CallbackLog?

    /// Starts the simulator's HTTP server around `network` and a gateway pointed at it. Waits
    /// between retries return at once: a test never waits on a wall clock.
    static func startHTTP(network: CarrierNetwork, clock: ManualClock, client: HTTPClient, logger: Logger) async throws -> CarrierPieces {
        // The simulator is the other party: its own quiet logger (warnings still show, e.g. a dropped callback).
        var simulatorLogger = Logger(label: "portin.test.carrier-sim")
        simulatorLogger.logLevel = .warning
        let server = try await SimulatorServer.start(network: network, clock: clock, host: "127.0.0.1", port: 0,
                                                     apiKey: TestService.carrierAPIKey, logger: simulatorLogger)
        let gateway = HTTPCarrierGateway(configuration: .init(baseURL: server.baseURL, apiKey: TestService.carrierAPIKey),
                                         client: client, logger: logger, sleep: { _ in }, jitter: { 0 })
        return CarrierPieces(gateway: gateway, server: server)
    }

    /// Makes the network deliver its events as signed POSTs to `url`, signed at the manual clock's
    /// time (the receiver checks the signature's age against the same clock).
    mutating func connectCallbacks(network: CarrierNetwork, to url: String, clock: ManualClock, client: HTTPClient) {
        var logger = Logger(label: "portin.test.carrier-sim.callbacks")
        logger.logLevel = .warning
        let sink = HTTPCallbackSink(url: url, secret: TestService.callbackSecret, client: client, logger: logger,
                                    now: { clock.now() }, sleep: { _ in })
        let log = CallbackLog(sink: sink)
        callbacks = log
        network.setSink(log)
    }
}

/// Delivers through an `HTTPCallbackSink` and remembers each delivery and whether a 2xx came back.
final class CallbackLog: CarrierEventSink {
    let sink: HTTPCallbackSink
    private let deliveries = Mutex<[(event: CarrierEvent, delivered: Bool)]>([])

    init(sink: HTTPCallbackSink) {
        self.sink = sink
    }

    func deliver(_ event: CarrierEvent) async {
        let delivered = await sink.send(event)
        deliveries.withLock { $0.append((event: event, delivered: delivered)) }
    }

    /// Every event POSTed, in order, duplicates included.
    var events: [CarrierEvent] { deliveries.withLock { $0.map(\.event) } }
    /// Events the service never acknowledged with a 2xx.
    var failed: [CarrierEvent] { deliveries.withLock { $0.filter { !$0.delivered }.map(\.event) } }
    /// The deliveries for one PON.
    func events(pon: String) -> [CarrierEvent] { events.filter { $0.pon == pon } }
}

extension TestService {
    /// Over HTTP every callback the simulator sent was answered with a 2xx (a signed, well-formed
    /// callback is never refused, whatever its order or number of copies).
    func expectEveryCallbackDelivered() {
        guard let callbacks else { return }
        let failed = callbacks.failed
        #expect(failed.isEmpty, "callbacks not accepted: \(failed.map { "\($0.eventId) \($0.type.rawValue)" })")
    }

    /// What the carrier holds for `pon`: over HTTP through the simulator's admin API
    /// (`GET /sim/orders/{pon}`), in process from the network. Nil when it never got the order.
    func carrierOrder(pon: String) async throws -> SimulatedOrderView? {
        guard let carrierServer else { return network.order(pon: pon) }
        var request = HTTPClientRequest(url: carrierServer.baseURL + "/sim/orders/" + pon)
        request.headers.add(name: "Authorization", value: "Bearer \(TestService.carrierAPIKey)")
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        if response.status == .notFound { return nil }
        guard response.status == .ok else {
            throw HarnessError("GET /sim/orders/\(pon): \(response.status.code) \(String(buffer: body))")
        }
        return try CarrierWire.decoder().decode(SimulatedOrderView.self, from: Data(buffer: body))
    }

    /// POSTs `body` to the service's callback route with `signature` (nil: no header), as a carrier
    /// (or a forger) would.
    func postCallback(body: Data, signature: String?) async throws -> TestResponse {
        try await send(.POST, "/v1/carrier/callbacks", body: body, contentType: "application/json",
                       headers: signature.map { [(CallbackSignature.headerName, $0)] } ?? [])
    }

    /// A callback body and its valid signature at the service's current time.
    func signedCallback(_ event: CarrierEvent, secret: String = TestService.callbackSecret) throws -> (body: Data, signature: String) {
        let body = try CarrierWire.encoder().encode(event)
        return (body, CallbackSignature(secret: secret).header(for: body, at: clock.now()))
    }
}
