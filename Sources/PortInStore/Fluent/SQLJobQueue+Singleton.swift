import FluentKit
import Foundation
import SQLKit

extension SQLJobQueue {
    /// Check-then-insert made atomic: SQLite has one writer, so its transaction alone serialises
    /// callers; on PostgreSQL a transaction-scoped advisory lock on the kind does, across processes
    /// (the second caller waits, then its check sees the first one's committed job).
    func enqueueIfAbsent(kind: String, payload: Data, runAt: Date, maxAttempts: Int, now: Date) async throws -> Job? {
        try await context.atomically { tx in
            if tx.isPostgres {
                try await tx.sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "jobs:" + kind)))").run()
            }
            let queued = try await tx.sql.select().column("id").from("jobs").where("kind", .equal, kind)
                .where("status", .equal, JobStatus.queued.rawValue).limit(1).first()
            guard queued == nil else { return nil }
            return try await SQLJobQueue(context: tx).enqueue(kind: kind, payload: payload, runAt: runAt, maxAttempts: maxAttempts,
                                                              now: now)
        }
    }
}
