import FluentKit

/// The durable job queue.
struct M0006_CreateJobs: AsyncMigration {
    var name: String { "M0006_CreateJobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .field("id", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("run_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("status", .string, .required)
            .field("lease_owner", .string)
            .field("lease_expires_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        // Claiming scans queued jobs by due time; expired leases by expiry.
        try await createIndex(database, name: "jobs_status_run_at", on: "jobs", columns: ["status", "run_at"])
        try await createIndex(database, name: "jobs_status_lease", on: "jobs", columns: ["status", "lease_expires_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jobs").delete()
    }
}
