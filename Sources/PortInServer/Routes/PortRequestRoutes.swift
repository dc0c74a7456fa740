import PortInCore
import PortInStore
import Vapor

/// The customer's port requests: create (split), list, read, correct, delete, submit, cancel.
struct PortRequestRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let requests = routes.grouped("v1", "port-requests")
        requests.post(use: create)
        requests.get(use: list)
        requests.get(":id", use: get)
        requests.patch(":id", use: update)
        requests.delete(":id", use: delete)
        requests.post(":id", "submit", use: submit)
        requests.post(":id", "cancel", use: cancel)
    }

    func create(_ request: Request) async throws -> Response {
        let account = try request.account()
        try PortRequestService.requireStandardPlan(account)
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let fields = PortRequestFieldsInput.read(object, into: &reader)
        let numbers = reader.strings(object, "numbers", maxCount: context.limits.maxNumbersPerCall).value
        if object["numbers"] == nil || object["numbers"] == .null { reader.add("numbers", "required", "List the numbers to port.") }
        if let numbers, numbers.isEmpty { reader.add("numbers", "too_few", "List at least one number.") }
        guard reader.errors.isEmpty, let numbers else { throw Problem.validation(reader.errors) }
        let group = try await context.portRequests.create(account: account, fields: fields, numbers: numbers)
        let body = PortRequestGroupBody(groupId: group.groupId, portRequests: group.requests.map { PortRequestBody($0, documents: []) },
                                        excluded: group.excluded.map(ExcludedNumberBody.init))
        return try APIJSON.response(body, status: .created)
    }

    func list(_ request: Request) async throws -> Response {
        let account = try request.account()
        let (filter, pageRequest) = try request.portRequestQuery(ops: false)
        let page = try await context.store.portRequests.list(accountId: account.id, filter: filter, page: pageRequest)
        return try APIJSON.response(ListBody(data: page.items.map { PortRequestBody($0) }, nextCursor: page.nextCursor))
    }

    func get(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        guard let (stored, documents) = try await context.store.requestWithDocuments(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        return try APIJSON.response(PortRequestBody(stored, documents: documents))
    }

    func update(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        let updated = try await context.portRequests.correct(account: account, id: id) {
            try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        }
        let documents = try await context.store.documents.list(requestId: id, accountId: account.id)
        return try APIJSON.response(PortRequestBody(updated, documents: documents))
    }

    func delete(_ request: Request) async throws -> Response {
        let account = try request.account()
        try await context.portRequests.delete(account: account, id: try request.pathParameter("id"))
        return Response(status: .noContent)
    }

    func submit(_ request: Request) async throws -> Response {
        let account = try request.account()
        let submitted = try await context.portRequests.submit(account: account, id: try request.pathParameter("id"))
        let documents = try await context.store.documents.list(requestId: submitted.id, accountId: account.id)
        return try APIJSON.response(PortRequestBody(submitted, documents: documents))
    }

    func cancel(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        guard let current = try await context.store.portRequests.find(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        var object: [String: JSONValue] = [:]
        if let data = request.body.data, data.readableBytes > 0 { object = try InputReader.object(from: Data(buffer: data)) }
        let cancelled = try await context.portRequests.cancel(account: account, current: current, object: object)
        return try APIJSON.response(PortRequestBody(cancelled))
    }
}
