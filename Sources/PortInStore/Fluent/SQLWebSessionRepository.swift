import FluentKit
import Foundation
import SQLKit

struct WebSessionRow: Codable, Sendable {
    var id: String
    var tokenHash: Data
    var userId: String?
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    var expiresAt: Date

    init(_ session: WebSession) {
        id = session.id
        tokenHash = session.tokenHash
        userId = session.userId
        csrfToken = session.csrfToken
        createdAt = session.createdAt.storeRounded
        lastSeenAt = session.lastSeenAt.storeRounded
        expiresAt = session.expiresAt.storeRounded
    }

    var record: WebSession {
        WebSession(id: id, tokenHash: tokenHash, userId: userId, csrfToken: csrfToken, createdAt: createdAt, lastSeenAt: lastSeenAt,
                   expiresAt: expiresAt)
    }
}

struct SQLWebSessionRepository: WebSessionRepository {
    let context: SQLStoreContext

    func create(_ session: WebSession) async throws {
        try await context.sql.insert(into: "web_sessions").model(WebSessionRow(session), with: rowEncoder).run()
    }

    func find(tokenHash: Data) async throws -> WebSession? {
        try await context.sql.select().column("*").from("web_sessions").where("token_hash", .equal, tokenHash)
            .first(decoding: WebSessionRow.self, with: rowDecoder)?.record
    }

    func touch(id: String, at: Date) async throws {
        try await context.sql.update("web_sessions").set("last_seen_at", to: at.storeRounded).where("id", .equal, id).run()
    }

    func delete(id: String) async throws {
        try await context.sql.delete(from: "web_sessions").where("id", .equal, id).run()
    }

    func purgeExpired(idleBefore: Date, now: Date) async throws -> Int {
        let expired = try await context.sql.select().column("id").from("web_sessions")
            .where("last_seen_at", .lessThan, idleBefore.storeRounded).orWhere("expires_at", .lessThanOrEqual, now.storeRounded)
            .all(decodingColumn: "id", as: String.self)
        guard !expired.isEmpty else { return 0 }
        try await context.sql.delete(from: "web_sessions").where("id", .in, expired).run()
        return expired.count
    }
}

struct LoginThrottleRow: Codable, Sendable {
    var email: String
    var failures: Int
    var windowStartedAt: Date
    var lockedUntil: Date?

    var record: LoginThrottle {
        LoginThrottle(email: email, failures: failures, windowStartedAt: windowStartedAt, lockedUntil: lockedUntil)
    }
}

struct SQLLoginThrottleRepository: LoginThrottleRepository {
    let context: SQLStoreContext

    func find(email: String) async throws -> LoginThrottle? {
        try await context.sql.select().column("*").from("login_throttles").where("email", .equal, email.lowercased())
            .first(decoding: LoginThrottleRow.self, with: rowDecoder)?.record
    }

    func recordFailure(email: String, now: Date, policy: LoginThrottlePolicy) async throws -> LoginThrottle {
        let key = email.lowercased()
        let now = now.storeRounded
        return try await context.atomically { tx in
            // Read-count-write made atomic: SQLite's single writer serialises it; on PostgreSQL an
            // advisory lock on the email does, so parallel guesses cannot slip under the limit.
            if tx.isPostgres {
                try await tx.sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "login:" + key)))").run()
            }
            let current = try await tx.sql.select().column("*").from("login_throttles").where("email", .equal, key)
                .first(decoding: LoginThrottleRow.self, with: rowDecoder)
            var row = current ?? LoginThrottleRow(email: key, failures: 0, windowStartedAt: now, lockedUntil: nil)
            if row.windowStartedAt.addingTimeInterval(policy.window) <= now {
                // The old window is over: this failure opens a new one.
                row.failures = 0
                row.windowStartedAt = now
            }
            row.failures += 1
            if row.failures >= policy.limit, !(row.lockedUntil.map { $0 > now } ?? false) {
                row.lockedUntil = now.addingTimeInterval(policy.lockFor).storeRounded
                // The lock is the consequence of this window; the next failures count afresh after it.
                row.failures = 0
                row.windowStartedAt = now
            }
            if current == nil {
                try await tx.sql.insert(into: "login_throttles").model(row, with: rowEncoder).run()
            } else {
                let update = tx.sql.update("login_throttles").set("failures", to: row.failures)
                    .set("window_started_at", to: row.windowStartedAt)
                if let locked = row.lockedUntil { update.set("locked_until", to: locked) } else { update.set("locked_until", to: SQLLiteral.null) }
                try await update.where("email", .equal, key).run()
            }
            return row.record
        }
    }

    func clear(email: String) async throws {
        try await context.sql.delete(from: "login_throttles").where("email", .equal, email.lowercased()).run()
    }
}
