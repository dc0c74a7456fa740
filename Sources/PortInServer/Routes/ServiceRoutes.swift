import Foundation
import Vapor

/// Liveness, readiness, metrics and the API's own documents. None needs credentials.
struct ServiceRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        routes.get("health", use: health)
        routes.get("ready", use: ready)
        routes.get("metrics", use: metrics)
        routes.get("openapi.yaml") { _ -> Response in
            Self.text(APIDocument.yaml, contentType: "application/yaml")
        }
        routes.get("docs") { _ -> Response in
            Self.text(APIDocument.referenceHTML, contentType: "text/html; charset=utf-8")
        }
    }

    /// Up, with the service's clock: on the accelerated demo clock, scripts date their documents by it.
    func health(_ request: Request) async throws -> Response {
        let now = context.clock.now()
        let time = ISO8601DateFormatter().string(from: now)
        return try APIJSON.response(["status": "ok", "time": time, "today": context.dependencies.calendar.localDate(of: now).description])
    }

    func ready(_ request: Request) async throws -> Response {
        do {
            try await context.store.ping()
            return try APIJSON.response(["status": "ok", "database": context.dependencies.databaseName])
        } catch {
            request.logger.warning("readiness check failed: the database does not answer")
            throw Problem(.serviceUnavailable, code: "database_unavailable", title: "Not ready",
                          detail: "The database does not answer.")
        }
    }

    func metrics(_ request: Request) async throws -> Response {
        let counts = (try? await context.store.portRequests.statusCounts()) ?? [:]
        return Self.text(context.metrics.render(portRequests: counts), contentType: "text/plain; version=0.0.4")
    }

    static func text(_ body: String, contentType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
