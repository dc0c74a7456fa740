import Foundation
import Testing
import Yams
@testable import PortInServer

@Suite("The OpenAPI contract")
struct APIContractTests {
    /// Served documents that are not API operations: the metrics exposition, the spec itself and its HTML rendering.
    static let outsideTheSpec: Set<String> = ["/metrics", "/openapi.yaml", "/docs"]

    /// `METHOD /path/{param}` of every operation in the spec.
    static func specOperations() throws -> Set<String> {
        let root = try #require(try Yams.load(yaml: APIDocument.yaml) as? [String: Any])
        let paths = try #require(root["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "\(path)")
            for method in ["get", "put", "post", "delete", "options", "head", "patch", "trace"] where item[method] != nil {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every server route is in openapi.yaml and every operation there has a route", arguments: TestBackend.available)
    func routesMatchSpec(backend: TestBackend) async throws {
        let spec = try Self.specOperations()
        #expect(spec.count >= 20)
        try await TestService.with(backend) { service in
            // Browser pages are not API operations: left out by their one rule (PageAccessTests covers them).
            let routes = service.registeredRoutes.filter { !Self.outsideTheSpec.contains($0.path) && !PageRoutes.isPagePath($0.path) }
            let served = Set(routes.map { "\($0.method) \($0.openAPIPath)" })
            #expect(routes.count == served.count, "no route is registered twice")
            #expect(served.subtracting(spec).sorted() == [], "routes missing from openapi.yaml")
            #expect(spec.subtracting(served).sorted() == [], "operations in openapi.yaml without a route")
            #expect(served.contains("GET /v1/port-requests/{id}/documents/{document_id}"))
        }
    }

    @Test("the served /openapi.yaml is the bundled document", arguments: TestBackend.available)
    func servedDocument(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let response = try await service.send(.GET, "/openapi.yaml")
            #expect(response.status == 200)
            #expect(response.text == APIDocument.yaml)
            #expect(response.text.contains("/v1/ops/port-requests/{id}"))
        }
    }
}
