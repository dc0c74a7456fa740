import Foundation
import Testing
@testable import PortInServer

@Suite("Service routes")
struct ServiceRoutesTests {
    @Test("health, ready, metrics and the API document answer without credentials", arguments: TestBackend.available)
    func serviceRoutes(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let health = try await service.send(.GET, "/health")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            // The service's clock (the manual one here), so demo scripts date documents by it.
            #expect(health.json["time"] as? String == "2027-03-01T15:00:00Z")
            #expect(health.json["today"] as? String == "2027-03-01")

            let ready = try await service.send(.GET, "/ready")
            #expect(ready.status == 200)
            #expect(ready.json["database"] as? String == (backend == .sqlite ? "sqlite" : "postgresql"))

            let spec = try await service.send(.GET, "/openapi.yaml")
            #expect(spec.status == 200)
            #expect(spec.text.hasPrefix("openapi: 3.1"))

            let docs = try await service.send(.GET, "/docs")
            #expect(docs.status == 200)
            #expect(docs.text.contains("POST /v1/port-requests"))
            #expect(docs.text.contains("PortabilityResult"))

            let metrics = try await service.send(.GET, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains(#"portin_http_requests_total{method="GET",route="/health",status="200"} 1"#))
            #expect(metrics.text.contains(#"portin_port_requests{status="draft"} 0"#))
        }
    }

    @Test("an unknown route is a 404 problem", arguments: TestBackend.available)
    func unknownRoute(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let response = try await service.send(.GET, "/v1/nothing-here")
            #expect(response.status == 404)
            #expect(response.contentType == "application/problem+json")
            #expect(response.problemCode == "not_found")
        }
    }
}
