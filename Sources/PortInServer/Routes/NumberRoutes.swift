import PortInCore
import PortInStore
import Vapor

/// The account's numbers (porting and active) and the applications they can be attached to.
struct NumberRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        routes.get("v1", "numbers", use: listNumbers)
        routes.patch("v1", "numbers", ":e164", use: updateNumber)
        routes.get("v1", "applications", use: listApplications)
        routes.post("v1", "applications", use: createApplication)
    }

    func listNumbers(_ request: Request) async throws -> Response {
        let account = try request.account()
        var filter = AccountNumberFilter()
        if let text = request.query[String.self, at: "status"], !text.isEmpty {
            guard let status = AccountNumberStatus(rawValue: text) else {
                throw Problem.field("status", code: "invalid_value", message: "Use porting or active.")
            }
            filter.status = status
        }
        let page = try await context.store.numbers.list(accountId: account.id, filter: filter, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map(AccountNumberBody.init), nextCursor: page.nextCursor))
    }

    func updateNumber(_ request: Request) async throws -> Response {
        let account = try request.account()
        // The router has already percent-decoded the parameter (`%2B` is `+`); decoding again would
        // let `%252B` through as `+`.
        let number = try await context.numbers.number(account: account, text: try request.pathParameter("e164"))
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        let updated = try await context.numbers.attach(account: account, number: number, object: object)
        return try APIJSON.response(AccountNumberBody(updated))
    }

    func listApplications(_ request: Request) async throws -> Response {
        let account = try request.account()
        let page = try await context.store.applications.list(accountId: account.id, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map(ApplicationBody.init), nextCursor: page.nextCursor))
    }

    func createApplication(_ request: Request) async throws -> Response {
        let account = try request.account()
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        let application = try await context.numbers.createApplication(account: account, object: object)
        return try APIJSON.response(ApplicationBody(application), status: .created)
    }
}
