import Foundation
import PortInStore
import Vapor

/// Customers' webhook endpoints, their deliveries and redelivery. Customer credentials only; every
/// read is scoped to the caller's account (another account's ids are 404). The signing secret is
/// shown once, when created or rotated.
struct WebhookRoutes {
    let context: APIContext
    /// Endpoints per account: enough for every environment a customer runs, bounded so one
    /// account cannot fan a single event out without limit.
    static let maxEndpointsPerAccount = 20

    var policy: WebhookTargetPolicy { WebhookTargetPolicy(allowPrivate: context.dependencies.webhooksAllowPrivate) }

    func register(on routes: any RoutesBuilder) {
        let webhooks = routes.grouped("v1", "webhooks")
        webhooks.post(use: create)
        webhooks.get(use: list)
        webhooks.get(":webhook_id", use: get)
        webhooks.patch(":webhook_id", use: update)
        webhooks.delete(":webhook_id", use: delete)
        webhooks.post(":webhook_id", "rotate-secret", use: rotateSecret)
        webhooks.get(":webhook_id", "deliveries", use: deliveries)
        routes.get("v1", "webhook-deliveries", ":delivery_id", use: delivery)
        routes.post("v1", "webhook-deliveries", ":delivery_id", "redeliver", use: redeliver)
        routes.get("v1", "webhook-events", use: events)
    }

    func create(_ request: Request) async throws -> Response {
        let account = try request.account()
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let input = WebhookEndpointInput.read(object, creating: true, policy: policy, into: &reader)
        guard reader.errors.isEmpty, let url = input.url, let events = input.events else { throw Problem.validation(reader.errors) }
        guard try await context.store.webhookEndpoints.count(accountId: account.id) < Self.maxEndpointsPerAccount else {
            throw Problem(.conflict, code: "webhook_limit_reached", title: "Too many webhook endpoints",
                          detail: "An account has at most \(Self.maxEndpointsPerAccount) webhook endpoints; delete one first.")
        }
        let secret = WebhookSecret.generate()
        let endpoint = try await context.store.webhookEndpoints.create(
            NewWebhookEndpoint(accountId: account.id, url: url, description: input.description.value, events: events,
                               enabled: input.enabled ?? true),
            secret: secret, now: context.clock.now())
        request.idempotentReplayBody = try APIJSON.encoder.encode(WebhookEndpointBody(endpoint))
        return try APIJSON.response(WebhookEndpointBody(endpoint, secret: secret), status: .created)
    }

    func list(_ request: Request) async throws -> Response {
        let account = try request.account()
        let page = try await context.store.webhookEndpoints.list(accountId: account.id, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map { WebhookEndpointBody($0) }, nextCursor: page.nextCursor))
    }

    func get(_ request: Request) async throws -> Response {
        let account = try request.account()
        return try APIJSON.response(WebhookEndpointBody(try await endpoint(request, account: account)))
    }

    func update(_ request: Request) async throws -> Response {
        let account = try request.account()
        let existing = try await endpoint(request, account: account)
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let input = WebhookEndpointInput.read(object, creating: false, policy: policy, into: &reader)
        guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
        var change = WebhookEndpointUpdate(url: input.url, events: input.events, enabled: input.enabled)
        switch input.description {
        case .absent: break
        case .null: change.description = .some(nil)
        case .value(let text): change.description = .some(text)
        }
        guard let updated = try await context.store.webhookEndpoints.update(id: existing.id, accountId: account.id, change,
                                                                           now: context.clock.now())
        else { throw Problem.notFound("webhook") }
        return try APIJSON.response(WebhookEndpointBody(updated))
    }

    func delete(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("webhook_id")
        guard try await context.store.webhookEndpoints.delete(id: id, accountId: account.id) else { throw Problem.notFound("webhook") }
        return Response(status: .noContent)
    }

    func rotateSecret(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("webhook_id")
        let secret = WebhookSecret.generate()
        guard let endpoint = try await context.store.webhookEndpoints.rotateSecret(id: id, accountId: account.id, secret: secret,
                                                                                  now: context.clock.now())
        else { throw Problem.notFound("webhook") }
        request.idempotentReplayBody = try APIJSON.encoder.encode(WebhookEndpointBody(endpoint))
        return try APIJSON.response(WebhookEndpointBody(endpoint, secret: secret))
    }

    func deliveries(_ request: Request) async throws -> Response {
        let account = try request.account()
        let endpoint = try await endpoint(request, account: account)
        var errors: [FieldError] = []
        var status: WebhookDeliveryStatus?
        if let text = request.query[String.self, at: "status"], !text.isEmpty {
            status = WebhookDeliveryStatus(rawValue: text)
            if status == nil {
                errors.append(FieldError(field: "status", code: "invalid_value",
                                         message: "Use one of: " + WebhookDeliveryStatus.allCases.map(\.rawValue).joined(separator: ", ") + "."))
            }
        }
        let page: PageRequest
        do { page = try request.pageRequest() } catch let problem as Problem {
            throw Problem.validation(errors + problem.errors)
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        let found = try await context.store.webhookDeliveries.list(endpointId: endpoint.id, accountId: account.id, status: status,
                                                                   page: page)
        return try APIJSON.response(ListBody(data: found.items.map { WebhookDeliveryBody($0) }, nextCursor: found.nextCursor))
    }

    func delivery(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("delivery_id")
        guard let delivery = try await context.store.webhookDeliveries.find(id: id, accountId: account.id) else {
            throw Problem.notFound("webhook delivery")
        }
        let attempts = try await context.store.webhookDeliveries.attempts(deliveryId: id, accountId: account.id)
        return try APIJSON.response(WebhookDeliveryBody(delivery, attempts: attempts))
    }

    func redeliver(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("delivery_id")
        guard let delivery = try await context.store.webhookDeliveries.find(id: id, accountId: account.id) else {
            throw Problem.notFound("webhook delivery")
        }
        guard let endpoint = try await context.store.webhookEndpoints.find(id: delivery.endpointId, accountId: account.id) else {
            throw Problem.notFound("webhook delivery")
        }
        guard endpoint.enabled else {
            throw Problem(.conflict, code: "webhook_disabled", title: "The webhook is disabled",
                          detail: "Enable the webhook (PATCH enabled: true) before redelivering to it.")
        }
        guard let queued = try await context.store.webhookDeliveries.redeliver(id: id, accountId: account.id, now: context.clock.now())
        else { throw Problem.notFound("webhook delivery") }
        return try APIJSON.response(WebhookDeliveryBody(queued), status: .accepted)
    }

    func events(_ request: Request) async throws -> Response {
        _ = try request.account()
        let events = NotificationType.allCases.map { WebhookEventTypeBody(name: $0.webhookEvent, description: $0.webhookDescription) }
        return try APIJSON.response(DataBody(data: events))
    }

    /// The caller's endpoint named in the path, or 404.
    private func endpoint(_ request: Request, account: Account) async throws -> WebhookEndpoint {
        let id = try request.pathParameter("webhook_id")
        guard let endpoint = try await context.store.webhookEndpoints.find(id: id, accountId: account.id) else {
            throw Problem.notFound("webhook")
        }
        return endpoint
    }
}
