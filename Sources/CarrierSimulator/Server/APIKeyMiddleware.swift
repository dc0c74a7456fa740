import CarrierKit
import Vapor

/// Refuses any request without `Authorization: Bearer <api key>` (401, JSON error body).
struct APIKeyMiddleware: AsyncMiddleware {
    let apiKey: String

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.headers.bearerAuthorization?.token, Self.constantTimeEqual(token, apiKey) else {
            return try JSONAnswer.error(.unauthorized, CarrierErrorBody(error: "unauthorized", message: "missing or wrong API key"))
        }
        return try await next.respond(to: request)
    }

    /// Compares without an early exit so response timing does not leak how much of a key matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}

/// Builds JSON responses with the carrier wire's encoder (sorted keys, ISO 8601 dates).
enum JSONAnswer {
    static func ok(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        // The 20,000-result portability answer has its own fast writer (same bytes).
        if let portability = value as? PortabilityCheckResponse {
            return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: PortabilityJSON.encode(portability))))
        }
        return Response(status: status, headers: headers, body: .init(data: try CarrierWire.encoder().encode(value)))
    }

    static func error(_ status: HTTPResponseStatus, _ body: CarrierErrorBody) throws -> Response {
        try ok(body, status: status)
    }
}

/// Turns anything a handler throws into the partner API's JSON error body, never Vapor's default shape.
struct JSONErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as DecodingError {
            return try JSONAnswer.error(.badRequest, CarrierErrorBody(error: "invalid_request", message: "unreadable JSON body: \(Self.describe(error))"))
        } catch let abort as any AbortError {
            let code = abort.status == .notFound ? "not_found" : abort.status == .payloadTooLarge ? "too_large" : "invalid_request"
            return try JSONAnswer.error(abort.status, CarrierErrorBody(error: code, message: abort.reason))
        } catch {
            request.logger.error("unhandled error", metadata: ["error": "\(error)"])
            return try JSONAnswer.error(.internalServerError, CarrierErrorBody(error: "internal", message: "internal error"))
        }
    }

    /// A decoding error's path and reason, without echoing values (a value could be a PIN).
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context)).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        case .dataCorrupted(let context): return "invalid value at \(path(context))"
        @unknown default: return "invalid body"
        }
    }
}
