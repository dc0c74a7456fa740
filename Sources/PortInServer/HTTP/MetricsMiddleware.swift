import Foundation
import Vapor

/// Times every request and records it under its route pattern (`/v1/port-requests/:id`).
struct MetricsMiddleware: AsyncMiddleware {
    let registry: MetricsRegistry

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        registry.record(method: request.method.rawValue, route: request.routePattern, status: Int(response.status.code),
                        seconds: (ContinuousClock.now - start).seconds)
        return response
    }
}
