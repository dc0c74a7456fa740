import Crypto
import Foundation
import PortInCore
import PortInStore
import Vapor

/// `Idempotency-Key` on POST: the first successful (2xx) response is stored with a hash of the
/// request (method, path and body, JSON compared as data rather than bytes), a replay with the same
/// body gets it back (`Idempotent-Replayed: true`) and the same key with another body is 409.
/// Failures are not stored: they changed nothing, so a retry runs again.
struct IdempotencyMiddleware: AsyncMiddleware {
    let store: Store
    let clock: any PortInClock
    /// Multipart uploads may be this large (the upload limit plus the envelope).
    let maxUploadBodyBytes: Int
    /// Every other body, as the routes' own limit (so a key does not widen it).
    let maxJSONBodyBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: "Idempotency-Key") else {
            return try await next.respond(to: request)
        }
        guard (1...255).contains(key.utf8.count) else {
            throw Problem.field("Idempotency-Key", code: "invalid_length", message: "Use 1 to 255 characters.")
        }
        guard let principal = request.principal else { throw Problem.unauthorized }
        let limit = request.headers.contentType?.type == "multipart" ? maxUploadBodyBytes : maxJSONBodyBytes
        let body = try await request.body.collect(max: limit).get()
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)\n".utf8))
        if let body { hasher.update(data: Self.fingerprint(body, contentType: request.headers.contentType)) }
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()

        if let existing = try await store.idempotency.find(accountId: principal.scope, key: key) {
            return try Self.replay(existing, hash: hash)
        }
        let response = try await next.respond(to: request)
        guard (200..<300).contains(response.status.code) else { return response }
        let data = request.idempotentReplayBody ?? response.body.data ?? Data()
        let record = IdempotencyRecord(accountId: principal.scope, key: key, requestHash: hash, responseStatus: Int(response.status.code),
                                       responseBody: data, createdAt: clock.now())
        let winner = try await store.idempotency.save(record)
        // A concurrent twin stored first: answer as it did, so both callers see one outcome.
        return winner.requestHash == hash && winner.responseBody == data ? response : try Self.replay(winner, hash: hash)
    }

    /// A JSON body is hashed in a canonical form (keys sorted, no whitespace), so a retry that
    /// serialises the same object with its keys in another order is still the same request.
    static func fingerprint(_ body: ByteBuffer, contentType: HTTPMediaType?) -> Data {
        let data = Data(buffer: body, byteTransferStrategy: .noCopy)
        guard let contentType, contentType.type == "application",
              contentType.subType == "json" || contentType.subType.hasSuffix("+json"),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return data }
        return canonical
    }

    static func replay(_ record: IdempotencyRecord, hash: String) throws -> Response {
        guard record.requestHash == hash else {
            throw Problem(.conflict, code: "idempotency_key_reused", title: "Idempotency key already used",
                          detail: "This Idempotency-Key was used with a different request; use a new key for a new request.")
        }
        var headers = HTTPHeaders()
        if !record.responseBody.isEmpty { headers.replaceOrAdd(name: .contentType, value: "application/json") }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPResponseStatus(statusCode: record.responseStatus), headers: headers,
                        body: .init(data: record.responseBody))
    }
}

private struct IdempotentReplayBodyKey: StorageKey {
    typealias Value = Data
}

extension Request {
    /// What an idempotent replay of this request's response shows, when it must differ from the
    /// response itself: a response carrying a secret (a webhook's signing secret) stores and
    /// replays the same body without it, so the secret is shown once and never kept in clear.
    var idempotentReplayBody: Data? {
        get { storage[IdempotentReplayBodyKey.self] }
        set { storage[IdempotentReplayBodyKey.self] = newValue }
    }
}
