/// The simulator's OpenAPI 3.1 document, served at `/openapi.yaml`.
enum SimulatorOpenAPI {
    static let document = """
    openapi: 3.1.0
    info:
      title: PortIn carrier simulator
      version: 1.0.0
    paths: {}
    """
}
