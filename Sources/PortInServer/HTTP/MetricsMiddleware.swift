import Foundation
import Vapor

/// Times every request and records it under its route pattern (`/v1/port-requests/:id`).
struct MetricsMiddleware: AsyncMiddleware {
    let registry: MetricsRegistry

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        registry.record(method: request.method.rawValue, route: route, status: Int(response.status.code), seconds: seconds)
        return response
    }
}
