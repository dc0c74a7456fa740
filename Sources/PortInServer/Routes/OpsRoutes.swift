import PortInCore
import PortInStore
import Vapor

/// The porting team's view across accounts. Customers get 403.
struct OpsRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let ops = routes.grouped("v1", "ops", "port-requests")
        ops.get(use: list)
        ops.get(":id", use: get)
    }

    func list(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let (filter, pageRequest) = try request.portRequestQuery(ops: true)
        let page = try await context.store.portRequests.opsList(filter: filter, page: pageRequest)
        return try APIJSON.response(ListBody(data: page.items.map { PortRequestBody($0) }, nextCursor: page.nextCursor))
    }

    func get(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let id = try request.pathParameter("id")
        guard let stored = try await context.store.portRequests.opsFind(id: id) else { throw Problem.notFound("port request") }
        let documents = try await context.store.documents.list(requestId: id, accountId: stored.accountId)
        return try APIJSON.response(PortRequestBody(stored, documents: documents))
    }
}
