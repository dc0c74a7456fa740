import Foundation

/// The OpenAPI document (the contract, `Resources/openapi.yaml`) and its HTML rendering.
enum APIDocument {
    static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "openapi: 3.1.0\ninfo: {title: PortIn API, version: unknown}\npaths: {}\n" }
        return text
    }()

    static let referenceHTML: String = APIReferencePage.render(yaml: yaml)
}
