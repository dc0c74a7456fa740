import Foundation
import Vapor

/// One info line per request: method, route pattern, status and time, with the request id.
/// Never headers or bodies (they carry credentials and PINs); patterns, not raw paths, so ids
/// of other resources do not spread through the logs.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let milliseconds = (ContinuousClock.now - start).seconds * 1000
        request.logger.info("\(request.method.rawValue) \(request.routePattern) \(response.status.code)",
                            metadata: ["ms": .string(String(format: "%.1f", milliseconds))])
        return response
    }
}
