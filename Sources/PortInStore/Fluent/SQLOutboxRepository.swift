import FluentKit
import Foundation
import SQLKit

struct OutboxRow: Codable, Sendable {
    var id: String
    var kind: String
    var payload: String
    var status: String
    var attempts: Int
    var nextAttemptAt: Date
    var sentAt: Date?
    var lastError: String?
    var createdAt: Date
    var leaseOwner: String?
    var leaseExpiresAt: Date?

    var record: OutboxMessage {
        OutboxMessage(id: id, kind: OutboxKind(rawValue: kind) ?? .email, payload: Data(payload.utf8),
                      status: OutboxStatus(rawValue: status) ?? .pending, attempts: attempts, nextAttemptAt: nextAttemptAt,
                      sentAt: sentAt, lastError: lastError, createdAt: createdAt, leaseOwner: leaseOwner,
                      leaseExpiresAt: leaseExpiresAt)
    }
}

/// Outbox messages, claimed with leases the way `SQLJobQueue` claims jobs: PostgreSQL locks the
/// claimed rows with `FOR UPDATE SKIP LOCKED` so concurrent workers take disjoint messages; SQLite
/// runs the same single statement, atomic with its one writer. A claimed message stays `pending`
/// with `next_attempt_at` moved to the lease's expiry, so it is claimable again only if its worker
/// neither sent nor failed it in time.
struct SQLOutboxRepository: OutboxRepository {
    let context: SQLStoreContext

    func enqueue(kind: OutboxKind, payload: Data, now: Date) async throws -> OutboxMessage {
        let stamp = now.storeRounded
        let row = OutboxRow(id: StoreID.make("out", at: now), kind: kind.rawValue, payload: String(decoding: payload, as: UTF8.self),
                            status: OutboxStatus.pending.rawValue, attempts: 0, nextAttemptAt: stamp, sentAt: nil, lastError: nil,
                            createdAt: stamp, leaseOwner: nil, leaseExpiresAt: nil)
        if let writeBehind = context.writeBehind {
            writeBehind.add(row, into: "outbox_messages")
        } else {
            try await context.sql.insert(into: "outbox_messages").model(row, with: rowEncoder).run()
        }
        return row.record
    }

    func claimDue(kind: OutboxKind, now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [OutboxMessage] {
        let stamp = now.storeRounded
        let expires = now.addingTimeInterval(TimeInterval(max(1, leaseSeconds))).storeRounded
        let lock: SQLQueryString = context.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE outbox_messages SET lease_owner = \(bind: leaseOwner), lease_expires_at = \(bind: expires), \
            next_attempt_at = \(bind: expires), attempts = attempts + 1 \
            WHERE id IN (SELECT id FROM outbox_messages \
            WHERE kind = \(bind: kind.rawValue) AND status = 'pending' AND next_attempt_at <= \(bind: stamp) \
            ORDER BY next_attempt_at, id LIMIT \(bind: max(1, limit))\(lock)) \
            RETURNING *
            """
        let rows = try await context.sql.raw(query).all(decoding: OutboxRow.self, with: rowDecoder)
        return rows.map(\.record).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    func markSent(id: String, leaseOwner: String, at: Date) async throws -> Bool {
        let rows = try await context.sql.update("outbox_messages").set("status", to: OutboxStatus.sent.rawValue)
            .set("sent_at", to: at.storeRounded).set("lease_expires_at", to: SQLLiteral.null)
            .where("id", .equal, id).where("lease_owner", .equal, leaseOwner).where("status", .equal, OutboxStatus.pending.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    func markFailed(id: String, leaseOwner: String, error: String, nextAttemptAt: Date?) async throws -> OutboxStatus? {
        // Nobody holds it afterwards: a late call from the same worker is refused like anyone else's.
        let update = context.sql.update("outbox_messages").set("last_error", to: error).set("lease_owner", to: SQLLiteral.null)
            .set("lease_expires_at", to: SQLLiteral.null)
        if let nextAttemptAt {
            update.set("next_attempt_at", to: nextAttemptAt.storeRounded)
        } else {
            update.set("status", to: OutboxStatus.dead.rawValue)
        }
        let row = try await update.where("id", .equal, id).where("lease_owner", .equal, leaseOwner)
            .where("status", .equal, OutboxStatus.pending.rawValue).returning("status").first()
        return try row.map { OutboxStatus(rawValue: try $0.decode(column: "status", as: String.self)) ?? .pending }
    }

    func due(now: Date, limit: Int) async throws -> [OutboxMessage] {
        try await context.sql.select().column("*").from("outbox_messages").where("status", .equal, OutboxStatus.pending.rawValue)
            .where("next_attempt_at", .lessThanOrEqual, now.storeRounded).orderBy("next_attempt_at").orderBy("id")
            .limit(max(1, limit)).all(decoding: OutboxRow.self, with: rowDecoder).map(\.record)
    }

    func markSent(id: String, at: Date) async throws {
        try await context.sql.update("outbox_messages").set("status", to: OutboxStatus.sent.rawValue)
            .set("sent_at", to: at.storeRounded).set("attempts", to: SQLRaw("attempts + 1")).where("id", .equal, id).run()
    }

    func markFailed(id: String, error: String, nextAttemptAt: Date?) async throws {
        let update = context.sql.update("outbox_messages").set("attempts", to: SQLRaw("attempts + 1")).set("last_error", to: error)
        if let nextAttemptAt {
            update.set("next_attempt_at", to: nextAttemptAt.storeRounded)
        } else {
            update.set("status", to: OutboxStatus.dead.rawValue)
        }
        try await update.where("id", .equal, id).run()
    }

    func find(id: String) async throws -> OutboxMessage? {
        try await context.sql.select().column("*").from("outbox_messages").where("id", .equal, id)
            .first(decoding: OutboxRow.self, with: rowDecoder)?.record
    }
}
