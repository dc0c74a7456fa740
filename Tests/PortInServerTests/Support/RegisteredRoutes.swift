import Vapor

/// A route as registered in the server: `GET /v1/port-requests/:id`.
struct RouteKey: Hashable, Comparable, CustomStringConvertible, Sendable {
    var method: String
    /// `/v1/port-requests/:id`
    var path: String

    var description: String { "\(method) \(path)" }

    /// The path in OpenAPI form: `/v1/port-requests/{id}`.
    var openAPIPath: String {
        "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    static func < (lhs: RouteKey, rhs: RouteKey) -> Bool { lhs.description < rhs.description }
}

extension TestService {
    /// Every route the running server registered.
    var registeredRoutes: [RouteKey] {
        server.app.routes.all.map { route in
            RouteKey(method: route.method.rawValue, path: "/" + route.path.map(\.description).joined(separator: "/"))
        }.sorted()
    }

    /// Routes that need no credentials by design.
    /// Routes without Basic auth: service routes, and carrier callbacks (signed instead; LifecycleFlowTests).
    static let publicPaths: Set<String> = ["/health", "/ready", "/metrics", "/openapi.yaml", "/docs", "/v1/carrier/callbacks"]
}
