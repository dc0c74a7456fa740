import FluentKit
import Foundation
import SQLKit

struct WebhookDeliveryRow: Codable, Sendable {
    var id: String
    var accountId: String
    var endpointId: String
    var eventId: String
    var eventType: String
    var requestId: String?
    var payload: String
    var status: String
    var attempts: Int
    var roundAttempts: Int
    var roundStartedAt: Date?
    var nextAttemptAt: Date
    var leaseOwner: String?
    var leaseExpiresAt: Date?
    var lastResponseStatus: Int?
    var lastResponseBody: String?
    var lastError: String?
    var deliveredAt: Date?
    var createdAt: Date
    var updatedAt: Date

    var record: StoredWebhookDelivery {
        StoredWebhookDelivery(id: id, accountId: accountId, endpointId: endpointId, eventId: eventId, eventType: eventType,
                              requestId: requestId, payload: Data(payload.utf8),
                              status: WebhookDeliveryStatus(rawValue: status) ?? .pending, attempts: attempts,
                              roundAttempts: roundAttempts, roundStartedAt: roundStartedAt, nextAttemptAt: nextAttemptAt,
                              leaseOwner: leaseOwner, leaseExpiresAt: leaseExpiresAt, lastResponseStatus: lastResponseStatus,
                              lastResponseBody: lastResponseBody, lastError: lastError, deliveredAt: deliveredAt, createdAt: createdAt,
                              updatedAt: updatedAt)
    }
}

struct WebhookAttemptRow: Codable, Sendable {
    var id: String
    var deliveryId: String
    var at: Date
    var responseStatus: Int?
    var durationMs: Int
    var error: String?

    var record: WebhookAttempt {
        WebhookAttempt(deliveryId: deliveryId, at: at, responseStatus: responseStatus, durationMs: durationMs, error: error)
    }
}

/// Deliveries claimed with leases, as `SQLJobQueue` claims jobs: PostgreSQL locks the claimed rows
/// with `FOR UPDATE SKIP LOCKED` so any number of workers take disjoint deliveries; SQLite's single
/// writer makes the same one-statement `UPDATE ... RETURNING` atomic. A delivery being attempted
/// stays `pending`; its lease keeps other workers off it.
struct SQLWebhookDeliveryRepository: WebhookDeliveryRepository {
    let context: SQLStoreContext

    func enqueue(_ deliveries: [NewWebhookDelivery], now: Date) async throws -> [StoredWebhookDelivery] {
        guard !deliveries.isEmpty else { return [] }
        let stamp = now.storeRounded
        let rows = deliveries.map { new in
            WebhookDeliveryRow(id: StoreID.make("whd", at: now), accountId: new.accountId, endpointId: new.endpointId,
                               eventId: new.eventId, eventType: new.eventType, requestId: new.requestId,
                               payload: String(decoding: new.payload, as: UTF8.self), status: WebhookDeliveryStatus.pending.rawValue,
                               attempts: 0, roundAttempts: 0, roundStartedAt: nil, nextAttemptAt: stamp, leaseOwner: nil,
                               leaseExpiresAt: nil, lastResponseStatus: nil, lastResponseBody: nil, lastError: nil, deliveredAt: nil,
                               createdAt: stamp, updatedAt: stamp)
        }
        if let writeBehind = context.writeBehind {
            writeBehind.add(rows, into: "webhook_deliveries")
        } else {
            try await context.sql.insert(into: "webhook_deliveries").models(rows, with: rowEncoder).run()
        }
        return rows.map(\.record)
    }

    func claimDue(now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [StoredWebhookDelivery] {
        let stamp = now.storeRounded
        let expires = now.addingTimeInterval(TimeInterval(leaseSeconds)).storeRounded
        let lock: SQLQueryString = context.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE webhook_deliveries SET lease_owner = \(bind: leaseOwner), lease_expires_at = \(bind: expires), \
            updated_at = \(bind: stamp) \
            WHERE id IN (SELECT id FROM webhook_deliveries \
            WHERE status = 'pending' AND next_attempt_at <= \(bind: stamp) \
            AND (lease_expires_at IS NULL OR lease_expires_at <= \(bind: stamp)) \
            AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE enabled = \(bind: true)) \
            ORDER BY next_attempt_at, id LIMIT \(bind: max(1, limit))\(lock)) \
            RETURNING *
            """
        let rows = try await context.sql.raw(query).all(decoding: WebhookDeliveryRow.self, with: rowDecoder)
        return rows.map(\.record).sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
    }

    func recordAttempt(_ attempt: WebhookAttempt, responseBody: String?, outcome: WebhookAttemptOutcome, leaseOwner: String)
        async throws -> Bool {
        let body = responseBody.map(Self.truncated)
        return try await context.atomically { context in
            let sql = context.sql
            let at = attempt.at.storeRounded
            let row = WebhookAttemptRow(id: StoreID.make("wha", at: attempt.at), deliveryId: attempt.deliveryId, at: at,
                                        responseStatus: attempt.responseStatus, durationMs: attempt.durationMs, error: attempt.error)
            try await sql.insert(into: "webhook_delivery_attempts").model(row, with: rowEncoder).run()
            // The attempt counts whoever holds the lease now; only the holder decides what happens next.
            let counted = sql.update("webhook_deliveries").set("attempts", to: SQLRaw("attempts + 1"))
                .set("last_response_status", to: attempt.responseStatus).set("last_response_body", to: body)
                .set("last_error", to: attempt.error).set("updated_at", to: at)
            try await counted.where("id", .equal, attempt.deliveryId).run()
            let decided = sql.update("webhook_deliveries").set("round_attempts", to: SQLRaw("round_attempts + 1"))
                .set("round_started_at", to: SQLFunction("COALESCE", args: SQLIdentifier("round_started_at"), SQLBind(at)))
                .set("lease_owner", to: SQLLiteral.null).set("lease_expires_at", to: SQLLiteral.null)
            switch outcome {
            case .delivered:
                decided.set("status", to: WebhookDeliveryStatus.delivered.rawValue).set("delivered_at", to: at)
            case .retry(let next):
                decided.set("next_attempt_at", to: next.storeRounded)
            case .failed:
                decided.set("status", to: WebhookDeliveryStatus.failed.rawValue)
            }
            let held = try await decided.where("id", .equal, attempt.deliveryId).where("lease_owner", .equal, leaseOwner)
                .where("status", .equal, WebhookDeliveryStatus.pending.rawValue).returning("id").all()
            return !held.isEmpty
        }
    }

    /// At most `maxResponseBodyBytes` of UTF-8, cut on a character boundary.
    static func truncated(_ text: String) -> String {
        guard text.utf8.count > StoredWebhookDelivery.maxResponseBodyBytes else { return text }
        var out = ""
        var bytes = 0
        for character in text {
            let size = String(character).utf8.count
            if bytes + size > StoredWebhookDelivery.maxResponseBodyBytes { break }
            out.append(character)
            bytes += size
        }
        return out
    }

    func find(id: String, accountId: String) async throws -> StoredWebhookDelivery? {
        try await context.sql.select().column("*").from("webhook_deliveries").where("id", .equal, id)
            .where("account_id", .equal, accountId).first(decoding: WebhookDeliveryRow.self, with: rowDecoder)?.record
    }

    func list(endpointId: String, accountId: String, status: WebhookDeliveryStatus?, page: PageRequest) async throws
        -> Page<StoredWebhookDelivery> {
        let query = context.sql.select().column("*").from("webhook_deliveries").where("endpoint_id", .equal, endpointId)
            .where("account_id", .equal, accountId)
        if let status { query.where("status", .equal, status.rawValue) }
        let rows = try await query.page(after: page.cursor, limit: page.limit)
            .all(decoding: WebhookDeliveryRow.self, with: rowDecoder).map(\.record)
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.id) }
    }

    func attempts(deliveryId: String, accountId: String) async throws -> [WebhookAttempt] {
        try await context.sql.raw("""
            SELECT a.* FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id \
            WHERE a.delivery_id = \(bind: deliveryId) AND d.account_id = \(bind: accountId) ORDER BY a.at, a.id
            """)
            .all(decoding: WebhookAttemptRow.self, with: rowDecoder).map(\.record)
    }

    func redeliver(id: String, accountId: String, now: Date) async throws -> StoredWebhookDelivery? {
        let stamp = now.storeRounded
        // Clearing the lease makes an attempt in flight lose its say (see `recordAttempt`), so the
        // redelivery is not undone by it.
        let rows = try await context.sql.update("webhook_deliveries").set("status", to: WebhookDeliveryStatus.pending.rawValue)
            .set("next_attempt_at", to: stamp).set("round_attempts", to: 0).set("round_started_at", to: SQLLiteral.null)
            .set("lease_owner", to: SQLLiteral.null).set("lease_expires_at", to: SQLLiteral.null)
            .set("delivered_at", to: SQLLiteral.null).set("updated_at", to: stamp)
            .where("id", .equal, id).where("account_id", .equal, accountId).returning("id").all()
        guard !rows.isEmpty else { return nil }
        return try await find(id: id, accountId: accountId)
    }
}
