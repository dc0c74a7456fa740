import FluentKit
import Foundation
import SQLKit

struct JobRow: Codable, Sendable {
    var id: String
    var kind: String
    var payload: String
    var runAt: Date
    var attempts: Int
    var maxAttempts: Int
    var status: String
    var leaseOwner: String?
    var leaseExpiresAt: Date?
    var lastError: String?
    var createdAt: Date
    var updatedAt: Date

    var record: Job {
        Job(id: id, kind: kind, payload: Data(payload.utf8), runAt: runAt, attempts: attempts, maxAttempts: maxAttempts,
            status: JobStatus(rawValue: status) ?? .queued, leaseOwner: leaseOwner, leaseExpiresAt: leaseExpiresAt,
            lastError: lastError, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// Jobs claimed with leases. PostgreSQL: `FOR UPDATE SKIP LOCKED` in the claiming subquery, so any
/// number of workers take disjoint jobs without waiting on each other. SQLite: the same single
/// `UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING *` statement, atomic because SQLite has
/// one writer (and this store one connection).
struct SQLJobQueue: JobQueue {
    let context: SQLStoreContext

    func enqueue(kind: String, payload: Data, runAt: Date, maxAttempts: Int, now: Date) async throws -> Job {
        let stamp = now.storeRounded
        let row = JobRow(id: StoreID.make("job", at: now), kind: kind, payload: String(decoding: payload, as: UTF8.self),
                         runAt: runAt.storeRounded, attempts: 0, maxAttempts: max(1, maxAttempts), status: JobStatus.queued.rawValue,
                         leaseOwner: nil, leaseExpiresAt: nil, lastError: nil, createdAt: stamp, updatedAt: stamp)
        if let writeBehind = context.writeBehind {
            writeBehind.add(row, into: "jobs")
        } else {
            try await context.sql.insert(into: "jobs").model(row, with: rowEncoder).run()
        }
        return row.record
    }

    func claimDue(now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [Job] {
        let stamp = now.storeRounded
        let expires = now.addingTimeInterval(TimeInterval(leaseSeconds)).storeRounded
        let sql = context.sql
        // A job whose worker died on its last attempt would otherwise be reclaimed forever.
        try await sql.raw("""
            UPDATE jobs SET status = 'dead', last_error = 'lease expired on the final attempt', lease_expires_at = NULL, \
            updated_at = \(bind: stamp) \
            WHERE status = 'running' AND lease_expires_at <= \(bind: stamp) AND attempts >= max_attempts
            """).run()
        let lock: SQLQueryString = context.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        // Two claims, each a range scan of its own index in order (no sort of every due job): first
        // jobs whose worker died (lease expired), then queued jobs that are due, oldest first.
        func claim(_ candidates: SQLQueryString) async throws -> [JobRow] {
            try await sql.raw("""
                UPDATE jobs SET status = 'running', lease_owner = \(bind: leaseOwner), lease_expires_at = \(bind: expires), \
                attempts = attempts + 1, updated_at = \(bind: stamp) \
                WHERE id IN (\(candidates)) RETURNING *
                """).all(decoding: JobRow.self, with: rowDecoder)
        }
        let wanted = max(1, limit)
        var rows = try await claim("""
            SELECT id FROM jobs WHERE status = 'running' AND lease_expires_at <= \(bind: stamp) \
            ORDER BY lease_expires_at LIMIT \(bind: wanted)\(lock)
            """)
        if rows.count < wanted {
            rows += try await claim("""
                SELECT id FROM jobs WHERE status = 'queued' AND run_at <= \(bind: stamp) \
                ORDER BY run_at LIMIT \(bind: wanted - rows.count)\(lock)
                """)
        }
        return rows.map(\.record).sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    func complete(id: String, leaseOwner: String, now: Date) async throws -> Bool {
        let rows = try await context.sql.update("jobs").set("status", to: JobStatus.done.rawValue)
            .set("lease_expires_at", to: SQLLiteral.null).set("updated_at", to: now.storeRounded)
            .where("id", .equal, id).where("lease_owner", .equal, leaseOwner).where("status", .equal, JobStatus.running.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    func fail(id: String, leaseOwner: String, retryAt: Date, error: String, now: Date) async throws -> JobStatus? {
        let row = try await context.sql.raw("""
            UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END, \
            run_at = \(bind: retryAt.storeRounded), last_error = \(bind: error), lease_owner = NULL, lease_expires_at = NULL, \
            updated_at = \(bind: now.storeRounded) \
            WHERE id = \(bind: id) AND lease_owner = \(bind: leaseOwner) AND status = 'running' \
            RETURNING status
            """).first()
        return try row.map { JobStatus(rawValue: try $0.decode(column: "status", as: String.self)) ?? .queued }
    }

    func retryDead(id: String, now: Date) async throws -> Bool {
        let stamp = now.storeRounded
        let rows = try await context.sql.update("jobs").set("status", to: JobStatus.queued.rawValue).set("attempts", to: 0)
            .set("run_at", to: stamp).set("updated_at", to: stamp)
            .where("id", .equal, id).where("status", .equal, JobStatus.dead.rawValue).returning("id").all()
        return !rows.isEmpty
    }

    func find(id: String) async throws -> Job? {
        try await context.sql.select().column("*").from("jobs").where("id", .equal, id)
            .first(decoding: JobRow.self, with: rowDecoder)?.record
    }

    func list(status: JobStatus, limit: Int) async throws -> [Job] {
        try await context.sql.select().column("*").from("jobs").where("status", .equal, status.rawValue)
            .orderBy("run_at").orderBy("id").limit(max(1, limit)).all(decoding: JobRow.self, with: rowDecoder).map(\.record)
    }
}
