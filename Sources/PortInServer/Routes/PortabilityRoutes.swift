import Vapor

/// `POST /v1/portability-checks`: up to 20,000 numbers, answered synchronously in input order.
struct PortabilityRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        routes.post("v1", "portability-checks", use: check)
    }

    func check(_ request: Request) async throws -> Response {
        _ = try request.account()
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let numbers = reader.strings(object, "numbers", maxCount: context.limits.maxNumbersPerCall).value
        if object["numbers"] == nil || object["numbers"] == .null { reader.add("numbers", "required", "List the numbers to check.") }
        if let numbers, numbers.isEmpty { reader.add("numbers", "too_few", "List at least one number.") }
        guard reader.errors.isEmpty, let numbers else { throw Problem.validation(reader.errors) }
        let outcomes = try await context.portability.check(numbers)
        return try APIJSON.response(PortabilityCheckBody(results: outcomes.map(PortabilityResultBody.init)))
    }
}
