import AsyncHTTPClient
import Foundation
import Logging

/// `CarrierGateway` over the partner carrier's HTTP API: Bearer API key, a timeout per attempt,
/// retries with exponential backoff and jitter on timeouts, connection errors and 5xx (never on
/// 4xx), and an `Idempotency-Key` of `<pon>-v<version>` on order calls so a retried submit never
/// creates a second order. Request bodies (which may carry the PIN) are never logged.
public final class HTTPCarrierGateway: CarrierGateway {
    public let configuration: Configuration
    let client: HTTPClient
    let logger: Logger
    let sleep: @Sendable (Duration) async throws -> Void
    let jitter: @Sendable () -> Double
    private let ownsClient: Bool

    /// Uses `client` (usually shared: `HTTPClient.shared`) without owning it.
    /// - Parameters:
    ///   - sleep: waits between attempts; tests inject one that returns at once.
    ///   - jitter: a value in 0...1 per wait; tests inject a constant.
    public init(configuration: Configuration, client: HTTPClient, logger: Logger = Logger(label: "portin.carrier.http"),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        self.sleep = sleep
        self.jitter = jitter
        self.ownsClient = false
    }

    /// Creates and owns its own `HTTPClient`; call `shutdown()` when done.
    public convenience init(configuration: Configuration, logger: Logger = Logger(label: "portin.carrier.http")) {
        self.init(configuration: configuration, client: HTTPClient(eventLoopGroupProvider: .singleton),
                  logger: logger, owning: true)
    }

    private init(configuration: Configuration, client: HTTPClient, logger: Logger, owning: Bool) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        self.sleep = { try await Task.sleep(for: $0) }
        self.jitter = { Double.random(in: 0...1) }
        self.ownsClient = owning
    }

    /// Shuts down the client if this gateway created it; a shared client is left alone.
    public func shutdown() async throws {
        if ownsClient { try await client.shutdown() }
    }

    public func checkPortability(_ request: PortabilityCheckRequest) async throws(CarrierGatewayError) -> PortabilityCheckResponse {
        // No local limit check: the carrier's 413 carries its own limit, which is the one that counts.
        try await call(PartnerAPI.portability, request, as: PortabilityCheckResponse.self,
                              context: CallContext(operation: "portability", count: request.numbers.count))
    }

    public func customerServiceRecord(_ request: CSRRequest) async throws(CarrierGatewayError) -> CSRResponse {
        try await call(PartnerAPI.csr, request, as: CSRResponse.self, context: CallContext(operation: "csr", count: 1))
    }

    public func submit(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck {
        try await call(PartnerAPI.orders, order, as: OrderAck.self, context: .order("submit", order.pon, order.version))
    }

    public func supplement(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck {
        try await call(PartnerAPI.supplements(order.pon), order, as: OrderAck.self,
                       context: .order("supplement", order.pon, order.version))
    }

    public func cancel(_ request: CancelOrder) async throws(CarrierGatewayError) -> OrderAck {
        try await call(PartnerAPI.cancel(request.pon), request, as: OrderAck.self,
                       context: .order("cancel", request.pon, request.version))
    }

    public func activate(_ request: ActivateOrder) async throws(CarrierGatewayError) -> OrderAck {
        // Activation is naturally idempotent on the carrier's side (an activated number stays so).
        try await call(PartnerAPI.activate(request.pon), request, as: OrderAck.self,
                       context: CallContext(operation: "activate", pon: request.pon))
    }
}

/// What a call is about, for logs and the idempotency key; never the body.
struct CallContext: Sendable {
    var operation: String
    var pon: String?
    var version: Int?
    var count: Int?

    init(operation: String, pon: String? = nil, version: Int? = nil, count: Int? = nil) {
        self.operation = operation
        self.pon = pon
        self.version = version
        self.count = count
    }

    static func order(_ operation: String, _ pon: String, _ version: Int) -> CallContext {
        CallContext(operation: operation, pon: pon, version: version)
    }

    var idempotencyKey: String? {
        guard let pon, let version else { return nil }
        return PartnerAPI.idempotencyKey(pon: pon, version: version)
    }
}
