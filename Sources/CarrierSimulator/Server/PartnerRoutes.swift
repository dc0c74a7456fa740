import CarrierKit
import Foundation
import Logging
import Vapor

/// Which partner-API call a request is, for faults and logs.
public enum PartnerOperation: String, Sendable, Hashable, CaseIterable {
    case portability, csr, submit, supplement, cancel, activate
}

/// Looks up the HTTP-level fault (if any) for a call to `route` (the request path) touching
/// `numbers`, or order `pon` when the body names no numbers.
public typealias PartnerFaultLookup = @Sendable (_ route: String, _ numbers: [String], _ pon: String?) async -> HTTPFault?

/// The partner API (`/v1/...`) served around any `CarrierGateway`.
struct PartnerRoutes: Sendable {
    let gateway: any CarrierGateway
    let faults: PartnerFaultLookup?
    /// Counts calls per operation (every attempt, faulted or not), for tests and the admin view.
    let counter: CallCounter

    func register(on routes: any RoutesBuilder) {
        let large: HTTPBodyStreamStrategy = .collect(maxSize: "32mb")
        routes.on(.POST, "v1", "portability", body: large) { req async throws -> Response in
            let body = try decode(PortabilityCheckRequest.self, req)
            guard body.numbers.count <= PartnerAPI.portabilityLimit else {
                counter.record(.portability)
                return try JSONAnswer.error(.payloadTooLarge, CarrierErrorBody(
                    error: "too_large", message: "at most \(PartnerAPI.portabilityLimit) numbers per check, got \(body.numbers.count)",
                    limit: PartnerAPI.portabilityLimit))
            }
            return try await handle(.portability, req, numbers: body.numbers, pon: nil) { () async throws(CarrierGatewayError) in
                try await gateway.checkPortability(body)
            }
        }
        routes.on(.POST, "v1", "csr") { req async throws -> Response in
            let body = try decode(CSRRequest.self, req)
            return try await handle(.csr, req, numbers: [body.number], pon: nil) { () async throws(CarrierGatewayError) in
                try await gateway.customerServiceRecord(body)
            }
        }
        routes.on(.POST, "v1", "orders", body: large) { req async throws -> Response in
            let order = try decode(PortOrder.self, req)
            return try await handle(.submit, req, numbers: order.numbers, pon: order.pon, version: order.version) { () async throws(CarrierGatewayError) in
                try await gateway.submit(order)
            }
        }
        routes.on(.POST, "v1", "orders", ":pon", "supplements", body: large) { req async throws -> Response in
            let order = try decode(PortOrder.self, req)
            try samePON(order.pon, req)
            return try await handle(.supplement, req, numbers: order.numbers, pon: order.pon, version: order.version) { () async throws(CarrierGatewayError) in
                try await gateway.supplement(order)
            }
        }
        routes.on(.POST, "v1", "orders", ":pon", "cancel") { req async throws -> Response in
            let cancel = try decode(CancelOrder.self, req)
            try samePON(cancel.pon, req)
            return try await handle(.cancel, req, numbers: [], pon: cancel.pon, version: cancel.version) { () async throws(CarrierGatewayError) in
                try await gateway.cancel(cancel)
            }
        }
        routes.on(.POST, "v1", "orders", ":pon", "activate") { req async throws -> Response in
            let activate = try decode(ActivateOrder.self, req)
            try samePON(activate.pon, req)
            return try await handle(.activate, req, numbers: activate.numbers ?? [], pon: activate.pon) { () async throws(CarrierGatewayError) in
                try await gateway.activate(activate)
            }
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "a JSON body is required") }
        return try CarrierWire.decoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    private func samePON(_ pon: String, _ req: Request) throws {
        // Vapor hands path parameters over still percent-encoded.
        guard req.parameters.get("pon")?.removingPercentEncoding == pon else {
            throw Abort(.badRequest, reason: "the PON in the path and in the body differ")
        }
    }

    /// Applies faults, calls the gateway, logs the outcome (never the body) and maps errors.
    private func handle<Answer: Encodable>(
        _ operation: PartnerOperation, _ req: Request, numbers: [String], pon: String?, version: Int? = nil,
        _ call: () async throws(CarrierGatewayError) -> Answer
    ) async throws -> Response {
        counter.record(operation)
        var logger = req.logger
        logger[metadataKey: "op"] = "\(operation.rawValue)"
        if let pon { logger[metadataKey: "pon"] = "\(pon)" }
        if let version { logger[metadataKey: "version"] = "\(version)" }
        if let key = req.headers.first(name: PartnerAPI.idempotencyKeyHeader) { logger[metadataKey: "idempotency_key"] = "\(key)" }

        let fault = await faults?(req.url.path, numbers, pon)
        if let delay = fault?.delayMilliseconds, delay > 0 {
            logger.info("fault: slow answer", metadata: ["delay_ms": "\(delay)"])
            try await Task.sleep(for: .milliseconds(delay))
        }
        let response: Response
        let outcome: Result<Answer, CarrierGatewayError>
        do throws(CarrierGatewayError) { outcome = .success(try await call()) } catch { outcome = .failure(error) }
        switch outcome {
        case .success(let answer):
            if let ack = answer as? OrderAck {
                logger.info("order answered", metadata: [
                    "order_id": "\(ack.orderId)", "accepted": "\(ack.accepted)", "duplicate": "\(ack.duplicate)", "errors": "\(ack.errors.count)",
                ])
            } else {
                logger.info("answered", metadata: ["numbers": "\(numbers.count)"])
            }
            response = try JSONAnswer.ok(answer)
        case .failure(let error):
            logger.info("refused", metadata: ["error": "\(error)"])
            response = try Self.response(for: error, operation: operation)
        }
        // Applied after the call was handled, as when an answer is lost on the way back: the
        // retry then meets the idempotency key, which is what this fault exists to exercise.
        if let status = fault?.status, status >= 500 {
            logger.warning("fault: answer replaced by HTTP \(status)")
            return try JSONAnswer.error(HTTPResponseStatus(statusCode: status), CarrierErrorBody(
                error: "unavailable", message: "simulated HTTP \(status)"))
        }
        return response
    }

    /// The HTTP status and body for a gateway error; the status depends on the call, as the API says.
    static func response(for error: CarrierGatewayError, operation: PartnerOperation) throws -> Response {
        switch error {
        case .invalidRequest(let errors):
            // A CSR refused for its account number or PIN is 403; a malformed number stays 400.
            let credentials = !errors.isEmpty && errors.allSatisfy { $0.field == "pin" || $0.field == "account_number" }
            let status: HTTPResponseStatus = switch operation {
            case .csr where credentials: .forbidden
            case .activate, .cancel: .conflict
            default: .badRequest
            }
            let code = status == .forbidden ? "forbidden" : status == .conflict ? "conflict" : "invalid_request"
            return try JSONAnswer.error(status, CarrierErrorBody(error: code, message: errors.map(\.message).joined(separator: "; "), errors: errors))
        case .notFound(let what):
            return try JSONAnswer.error(.notFound, CarrierErrorBody(error: "not_found", message: what))
        case .unauthorized:
            return try JSONAnswer.error(.unauthorized, CarrierErrorBody(error: "unauthorized", message: "refused"))
        case .tooLarge(let limit):
            return try JSONAnswer.error(.payloadTooLarge, CarrierErrorBody(error: "too_large", message: "at most \(limit) numbers", limit: limit))
        case .unavailable(let why):
            return try JSONAnswer.error(.serviceUnavailable, CarrierErrorBody(error: "unavailable", message: why))
        case .protocolError(let why):
            return try JSONAnswer.error(.badRequest, CarrierErrorBody(error: "invalid_request", message: why))
        }
    }
}
