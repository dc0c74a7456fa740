import FluentKit
import Foundation
import SQLKit

struct WebhookEndpointRow: Codable, Sendable {
    var id: String
    var accountId: String
    var url: String
    var description: String?
    var events: String
    var secretSealed: Data
    var enabled: Bool
    var createdAt: Date
    var updatedAt: Date
}

/// The columns every endpoint read selects: all but the sealed secret, which only `revealSecret` reads.
private let endpointColumns = ["id", "account_id", "url", "description", "events", "enabled", "created_at", "updated_at"]

/// `WebhookEndpointRow` without the secret, as reads decode it.
private struct EndpointListRow: Codable, Sendable {
    var id: String
    var accountId: String
    var url: String
    var description: String?
    var events: String
    var enabled: Bool
    var createdAt: Date
    var updatedAt: Date

    func record() throws -> WebhookEndpoint {
        WebhookEndpoint(id: id, accountId: accountId, url: url, description: description,
                        events: try StoreJSON.decode([String].self, from: events), enabled: enabled, createdAt: createdAt,
                        updatedAt: updatedAt)
    }
}

struct SQLWebhookEndpointRepository: WebhookEndpointRepository {
    let context: SQLStoreContext
    let secretBox: SecretBox

    private func select() -> SQLSelectBuilder {
        context.sql.select().columns(endpointColumns.map { SQLIdentifier($0) }).from("webhook_endpoints")
    }

    func create(_ endpoint: NewWebhookEndpoint, secret: String, now: Date) async throws -> WebhookEndpoint {
        let stamp = now.storeRounded
        let row = WebhookEndpointRow(id: StoreID.make("whk", at: now), accountId: endpoint.accountId, url: endpoint.url,
                                     description: endpoint.description, events: try StoreJSON.encode(endpoint.events),
                                     secretSealed: try secretBox.seal(secret).combined, enabled: endpoint.enabled, createdAt: stamp,
                                     updatedAt: stamp)
        try await context.sql.insert(into: "webhook_endpoints").model(row, with: rowEncoder).run()
        return WebhookEndpoint(id: row.id, accountId: row.accountId, url: row.url, description: row.description,
                               events: endpoint.events, enabled: row.enabled, createdAt: stamp, updatedAt: stamp)
    }

    func find(id: String, accountId: String) async throws -> WebhookEndpoint? {
        try await select().where("id", .equal, id).where("account_id", .equal, accountId)
            .first(decoding: EndpointListRow.self, with: rowDecoder)?.record()
    }

    func list(accountId: String, page: PageRequest) async throws -> Page<WebhookEndpoint> {
        let rows = try await select().where("account_id", .equal, accountId).page(after: page.cursor, limit: page.limit)
            .all(decoding: EndpointListRow.self, with: rowDecoder).map { try $0.record() }
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.id) }
    }

    func count(accountId: String) async throws -> Int {
        try await context.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("webhook_endpoints")
            .where("account_id", .equal, accountId).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    func subscribed(accountId: String, event: String) async throws -> [WebhookEndpoint] {
        // An account has a handful of endpoints: the event lists (JSON) are matched here, not in SQL.
        let read = { try await select().where("account_id", .equal, accountId).where("enabled", .equal, true)
            .orderBy("created_at").orderBy("id").all(decoding: EndpointListRow.self, with: rowDecoder).map { try $0.record() } }
        let enabled = if let writeBehind = context.writeBehind {
            try await writeBehind.endpoints(accountId: accountId, read: read)
        } else {
            try await read()
        }
        return enabled.filter { $0.isSubscribed(to: event) }
    }

    func update(id: String, accountId: String, _ update: WebhookEndpointUpdate, now: Date) async throws -> WebhookEndpoint? {
        let events = try update.events.map { try StoreJSON.encode($0) }
        return try await context.atomically { context in
            let stamp = now.storeRounded
            let builder = context.sql.update("webhook_endpoints").set("updated_at", to: stamp)
            if let url = update.url { builder.set("url", to: url) }
            if let description = update.description { builder.set("description", to: description) }
            if let events { builder.set("events", to: events) }
            if let enabled = update.enabled { builder.set("enabled", to: enabled) }
            let changed = try await builder.where("id", .equal, id).where("account_id", .equal, accountId).returning("id").all()
            guard !changed.isEmpty else { return nil }
            if update.enabled == false {
                // A disabled endpoint gets nothing more: what waited for it is failed (and redeliverable).
                try await context.sql.update("webhook_deliveries").set("status", to: WebhookDeliveryStatus.failed.rawValue)
                    .set("last_error", to: "endpoint disabled").set("lease_owner", to: SQLLiteral.null)
                    .set("lease_expires_at", to: SQLLiteral.null).set("updated_at", to: stamp)
                    .where("endpoint_id", .equal, id).where("status", .equal, WebhookDeliveryStatus.pending.rawValue).run()
            }
            return try await SQLWebhookEndpointRepository(context: context, secretBox: secretBox).find(id: id, accountId: accountId)
        }
    }

    func rotateSecret(id: String, accountId: String, secret: String, now: Date) async throws -> WebhookEndpoint? {
        let sealed = try secretBox.seal(secret).combined
        let changed = try await context.sql.update("webhook_endpoints").set("secret_sealed", to: sealed)
            .set("updated_at", to: now.storeRounded).where("id", .equal, id).where("account_id", .equal, accountId)
            .returning("id").all()
        guard !changed.isEmpty else { return nil }
        return try await find(id: id, accountId: accountId)
    }

    func revealSecret(id: String, accountId: String) async throws -> String? {
        let sealed = try await context.sql.select().column("secret_sealed").from("webhook_endpoints").where("id", .equal, id)
            .where("account_id", .equal, accountId).first(decodingColumn: "secret_sealed", as: Data.self)
        return try sealed.map { try secretBox.open(SealedSecret(combined: $0)) }
    }

    func delete(id: String, accountId: String) async throws -> Bool {
        try await context.atomically { context in
            let sql = context.sql
            guard try await SQLWebhookEndpointRepository(context: context, secretBox: secretBox).find(id: id, accountId: accountId) != nil
            else { return false }
            try await sql.raw("""
                DELETE FROM webhook_delivery_attempts WHERE delivery_id IN \
                (SELECT id FROM webhook_deliveries WHERE endpoint_id = \(bind: id))
                """).run()
            try await sql.delete(from: "webhook_deliveries").where("endpoint_id", .equal, id).run()
            try await sql.delete(from: "webhook_endpoints").where("id", .equal, id).where("account_id", .equal, accountId).run()
            return true
        }
    }
}
