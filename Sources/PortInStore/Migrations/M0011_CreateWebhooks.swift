import FluentKit

/// Customers' webhook endpoints, the deliveries queued for them (with the exact body, fixed when
/// queued) and every attempt with its response.
struct M0011_CreateWebhooks: AsyncMigration {
    var name: String { "M0011_CreateWebhooks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_endpoints")
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("url", .string, .required)
            .field("description", .string)
            .field("events", .string, .required)
            .field("secret_sealed", .data, .required)
            .field("enabled", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "webhook_endpoints_account", on: "webhook_endpoints",
                              columns: ["account_id", "created_at", "id"])

        try await database.schema("webhook_deliveries")
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("endpoint_id", .string, .required, .references("webhook_endpoints", "id", onDelete: .cascade))
            .field("event_id", .string, .required)
            .field("event_type", .string, .required)
            .field("request_id", .string)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("round_attempts", .int, .required)
            .field("round_started_at", .datetime)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_owner", .string)
            .field("lease_expires_at", .datetime)
            .field("last_response_status", .int)
            .field("last_response_body", .string)
            .field("last_error", .string)
            .field("delivered_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        // Claiming scans pending deliveries by due time; the API lists an endpoint's newest first.
        try await createIndex(database, name: "webhook_deliveries_due", on: "webhook_deliveries", columns: ["status", "next_attempt_at"])
        try await createIndex(database, name: "webhook_deliveries_endpoint", on: "webhook_deliveries",
                              columns: ["endpoint_id", "created_at", "id"])

        try await database.schema("webhook_delivery_attempts")
            .field("id", .string, .identifier(auto: false))
            .field("delivery_id", .string, .required, .references("webhook_deliveries", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("response_status", .int)
            .field("duration_ms", .int, .required)
            .field("error", .string)
            .create()
        try await createIndex(database, name: "webhook_delivery_attempts_delivery", on: "webhook_delivery_attempts",
                              columns: ["delivery_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_delivery_attempts").delete()
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_endpoints").delete()
    }
}
