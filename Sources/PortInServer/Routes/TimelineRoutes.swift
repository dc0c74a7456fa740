import PortInCore
import PortInStore
import Vapor

/// Comments (customer-visible ones only) and the append-only event timeline of a request.
struct TimelineRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let request = routes.grouped("v1", "port-requests", ":id")
        request.get("comments", use: listComments)
        request.post("comments", use: addComment)
        request.get("events", use: listEvents)
    }

    private func owned(_ request: Request) async throws -> (Account, String) {
        let account = try request.account()
        let id = try request.pathParameter("id")
        guard try await context.store.portRequests.find(id: id, accountId: account.id) != nil else {
            throw Problem.notFound("port request")
        }
        return (account, id)
    }

    func listComments(_ request: Request) async throws -> Response {
        let (account, id) = try await owned(request)
        let comments = try await context.store.comments.list(requestId: id, accountId: account.id, includeInternal: false)
        return try APIJSON.response(DataBody(data: comments.map(CommentBody.init)))
    }

    func addComment(_ request: Request) async throws -> Response {
        let (account, id) = try await owned(request)
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        let comment = try await context.comments.add(account: account, requestId: id, object: object)
        return try APIJSON.response(CommentBody(comment), status: .created)
    }

    func listEvents(_ request: Request) async throws -> Response {
        let (account, id) = try await owned(request)
        let events = try await context.store.events.list(requestId: id, accountId: account.id)
        return try APIJSON.response(DataBody(data: events.map(EventBody.init)))
    }
}
