import Vapor

extension Request {
    /// The matched route's pattern (`/v1/port-requests/:id`), or `unmatched`: bounded, and free of
    /// other resources' ids, for metrics labels and log lines.
    var routePattern: String {
        route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
