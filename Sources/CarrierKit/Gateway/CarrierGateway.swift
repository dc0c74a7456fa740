/// How PortIn talks to its partner carrier. The HTTP implementation speaks the wire protocol;
/// the carrier simulator implements the same protocol in-process, so both sides share one contract.
public protocol CarrierGateway: Sendable {
    /// Portability of up to 20,000 numbers in one call, one result per number in input order.
    func checkPortability(_ request: PortabilityCheckRequest) async throws(CarrierGatewayError) -> PortabilityCheckResponse
    /// The losing carrier's CSR for the account holding a number.
    func customerServiceRecord(_ request: CSRRequest) async throws(CarrierGatewayError) -> CSRResponse
    /// A new order (version 1). Idempotent by PON + version.
    func submit(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck
    /// A supplement: a corrected order or a new due date, version bumped. Idempotent by PON + version.
    func supplement(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck
    func cancel(_ request: CancelOrder) async throws(CarrierGatewayError) -> OrderAck
    /// Activate on demand, on or after the FOC date.
    func activate(_ request: ActivateOrder) async throws(CarrierGatewayError) -> OrderAck
}

/// Why a gateway call failed, shaped for the caller's decision: retry later, or fix the input.
public enum CarrierGatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The carrier refused the request's form (HTTP 4xx with errors); do not retry unchanged.
    case invalidRequest([CarrierError])
    /// No such order / account / number on the carrier's side.
    case notFound(String)
    /// The carrier refused our credentials.
    case unauthorized
    /// Too many numbers in one call.
    case tooLarge(limit: Int)
    /// The carrier was unreachable, timed out or answered 5xx after every retry: try again later.
    case unavailable(String)
    /// The carrier answered something we could not read.
    case protocolError(String)

    public var isRetryable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .invalidRequest(let errors): "carrier refused the request: " + errors.map(\.message).joined(separator: "; ")
        case .notFound(let what): "not found at the carrier: \(what)"
        case .unauthorized: "the carrier refused our credentials"
        case .tooLarge(let limit): "too many numbers for one call (limit \(limit))"
        case .unavailable(let why): "carrier unavailable: \(why)"
        case .protocolError(let why): "unreadable carrier answer: \(why)"
        }
    }
}
