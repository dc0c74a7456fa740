import Foundation
import Vapor

/// One info line per request: method, route pattern, status and time, with the request id.
/// Never headers or bodies (they carry credentials and PINs); patterns, not raw paths, so ids
/// of other resources do not spread through the logs.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        request.logger.info("\(request.method.rawValue) \(route) \(response.status.code)",
                            metadata: ["ms": .string(String(format: "%.1f", milliseconds))])
        return response
    }
}
