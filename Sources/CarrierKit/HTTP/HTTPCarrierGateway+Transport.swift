import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

extension HTTPCarrierGateway {
    /// One attempt's outcome: an answer to map, or a failure worth another attempt.
    enum Attempt {
        case answered(status: Int, body: ByteBuffer)
        case transient(String)
    }

    /// POSTs `body` to `path` until an answer that is not 5xx, or the attempts run out.
    func call<Body: Encodable, Answer: Decodable>(
        _ path: String, _ body: Body, as: Answer.Type, context: CallContext
    ) async throws(CarrierGatewayError) -> Answer {
        let payload: Data
        do { payload = try CarrierWire.encoder().encode(body) } catch {
            throw .protocolError("could not encode the \(context.operation) request: \(error)")
        }
        var request = HTTPClientRequest(url: configuration.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        if let key = context.idempotencyKey { request.headers.add(name: PartnerAPI.idempotencyKeyHeader, value: key) }
        request.body = .bytes(ByteBuffer(bytes: payload))

        var logger = self.logger
        logger[metadataKey: "carrier.op"] = "\(context.operation)"
        if let pon = context.pon { logger[metadataKey: "pon"] = "\(pon)" }
        if let version = context.version { logger[metadataKey: "version"] = "\(version)" }
        if let count = context.count { logger[metadataKey: "numbers"] = "\(count)" }

        var lastFailure = "no attempt made"
        for attempt in 1...configuration.maxAttempts {
            let started = ContinuousClock.now
            switch await send(request, logger: logger) {
            case .answered(let status, let buffer) where status < 500:
                logger.debug("carrier answered", metadata: [
                    "attempt": "\(attempt)", "status": "\(status)", "ms": "\(Self.milliseconds(since: started))",
                ])
                return try Self.map(status: status, body: buffer, as: Answer.self)
            case .answered(let status, let buffer):
                lastFailure = "HTTP \(status)" + (Self.errorBody(buffer).map { ": \($0.message)" } ?? "")
            case .transient(let why):
                lastFailure = why
            }
            guard attempt < configuration.maxAttempts else { break }
            let wait = configuration.backoff(afterAttempt: attempt, jitter: jitter())
            logger.warning("carrier call failed, retrying", metadata: [
                "attempt": "\(attempt)", "failure": "\(lastFailure)", "backoff_ms": "\(Self.nanoseconds(wait) / 1_000_000)",
            ])
            do { try await sleep(wait) } catch {
                throw .unavailable("cancelled while waiting to retry after: \(lastFailure)")
            }
        }
        logger.error("carrier unavailable", metadata: ["attempts": "\(configuration.maxAttempts)", "failure": "\(lastFailure)"])
        throw .unavailable("\(lastFailure) (after \(configuration.maxAttempts) attempt\(configuration.maxAttempts == 1 ? "" : "s"))")
    }

    /// One attempt; every transport failure (timeout, refused, reset) is reported as transient.
    private func send(_ request: HTTPClientRequest, logger: Logger) async -> Attempt {
        let timeout = TimeAmount.nanoseconds(Self.nanoseconds(configuration.timeout))
        let deadline = NIODeadline.now() + timeout
        do {
            let response = try await client.execute(request, deadline: deadline, logger: logger)
            let body = try await response.body.collect(upTo: configuration.maxResponseBytes)
            return .answered(status: Int(response.status.code), body: body)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .transient("timed out after \(configuration.timeout)")
        } catch {
            return .transient("\(error)")
        }
    }

    /// Maps a non-5xx answer onto the call's result or a `CarrierGatewayError`.
    static func map<Answer: Decodable>(status: Int, body: ByteBuffer, as: Answer.Type) throws(CarrierGatewayError) -> Answer {
        switch status {
        case 200..<300:
            do {
                let data = Data(body.readableBytesView)
                if Answer.self == PortabilityCheckResponse.self, let answer = try PortabilityJSON.decode(data) as? Answer { return answer }
                return try CarrierWire.decoder().decode(Answer.self, from: data)
            } catch {
                throw .protocolError("HTTP \(status) with an unreadable \(Answer.self): \(error)")
            }
        case 401:
            throw .unauthorized
        case 404:
            throw .notFound(errorBody(body)?.message ?? "HTTP 404")
        case 413:
            throw .tooLarge(limit: errorBody(body)?.limit ?? PartnerAPI.portabilityLimit)
        case 400..<500:
            // 400, 403 (CSR PIN/account), 409 (activation before the FOC date), 422...: fix the input.
            guard let error = errorBody(body) else {
                throw .invalidRequest([CarrierError(code: "http_\(status)", message: "HTTP \(status) without an error body")])
            }
            throw .invalidRequest(error.errors.isEmpty ? [CarrierError(code: error.error, message: error.message)] : error.errors)
        default:
            throw .protocolError("unexpected HTTP \(status)")
        }
    }

    static func errorBody(_ buffer: ByteBuffer) -> CarrierErrorBody? {
        try? CarrierWire.decoder().decode(CarrierErrorBody.self, from: Data(buffer.readableBytesView))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        nanoseconds(ContinuousClock.now - start) / 1_000_000
    }
}
