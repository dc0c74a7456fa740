import PortInCore
import PortInStore
import Vapor

/// The porting team's view across accounts, and what it does to a request: comment, ask for
/// documents, move it with a reason. Customers get 403.
struct OpsRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let ops = routes.grouped("v1", "ops", "port-requests")
        ops.get(use: list)
        ops.get(":id", use: get)
        ops.get(":id", "comments", use: listComments)
        ops.post(":id", "comments", use: addComment)
        ops.get(":id", "events", use: listEvents)
        ops.post(":id", "document-requests", use: requestDocuments)
        ops.post(":id", "transitions", use: move)
        OpsJobRoutes(context: context).register(on: routes)
        OpsTemplateRoutes(context: context).register(on: routes)
    }

    func list(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let (filter, pageRequest) = try request.portRequestQuery(ops: true)
        let page = try await context.store.portRequests.opsList(filter: filter, page: pageRequest)
        return try APIJSON.response(ListBody(data: page.items.map { PortRequestBody($0) }, nextCursor: page.nextCursor))
    }

    func get(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let stored = try await portRequest(request)
        let documents = try await context.store.documents.list(requestId: stored.id, accountId: stored.accountId)
        return try APIJSON.response(PortRequestBody(stored, documents: documents))
    }

    /// The request named by the path, in any account.
    private func portRequest(_ request: Request) async throws -> StoredPortRequest {
        let id = try request.pathParameter("id")
        guard let stored = try await context.store.portRequests.opsFind(id: id) else { throw Problem.notFound("port request") }
        return stored
    }

    private func body(_ request: Request) throws -> [String: JSONValue] {
        try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
    }

    // MARK: Comments and timeline

    func listComments(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let stored = try await portRequest(request)
        let comments = try await context.store.comments.list(requestId: stored.id, accountId: stored.accountId, includeInternal: true)
        return try APIJSON.response(DataBody(data: comments.map(OpsCommentBody.init)))
    }

    func addComment(_ request: Request) async throws -> Response {
        let user = try request.opsUser()
        let stored = try await portRequest(request)
        let (text, visibility) = try OpsActionInput.comment(try body(request))
        let comment = try await context.opsActions.addComment(by: user, on: stored, body: text, visibility: visibility)
        return try APIJSON.response(OpsCommentBody(comment), status: .created)
    }

    func listEvents(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let stored = try await portRequest(request)
        let events = try await context.store.events.list(requestId: stored.id, accountId: stored.accountId)
        return try APIJSON.response(DataBody(data: events.map(OpsEventBody.init)))
    }

    // MARK: Actions

    func requestDocuments(_ request: Request) async throws -> Response {
        let user = try request.opsUser()
        let stored = try await portRequest(request)
        let (items, message) = try OpsActionInput.documentRequest(try body(request))
        let updated = try await context.opsActions.requestDocuments(by: user, on: stored, items: items, message: message)
        let documents = try await context.store.documents.list(requestId: updated.id, accountId: updated.accountId)
        return try APIJSON.response(PortRequestBody(updated, documents: documents))
    }

    func move(_ request: Request) async throws -> Response {
        let user = try request.opsUser()
        let stored = try await portRequest(request)
        let calendar = context.dependencies.calendar
        let input = try OpsActionInput.move(try body(request), today: calendar.localDate(of: context.clock.now()), calendar: calendar)
        let updated = try await context.opsActions.move(stored, to: input.to, by: user, reason: input.reason, focDate: input.focDate)
        let documents = try await context.store.documents.list(requestId: updated.id, accountId: updated.accountId)
        return try APIJSON.response(PortRequestBody(updated, documents: documents))
    }
}
