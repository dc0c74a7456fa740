import FluentKit

/// Applications and the account number inventory (a number belongs to one account at most).
struct M0004_CreateInventory: AsyncMigration {
    var name: String { "M0004_CreateInventory" }

    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("name", .string, .required)
            .field("voice_url", .string)
            .field("sms_url", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "applications_account_created", on: "applications",
                              columns: ["account_id", "created_at", "id"])

        try await database.schema("account_numbers")
            .field("e164", .string, .identifier(auto: false))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("status", .string, .required)
            .field("application_id", .string, .references("applications", "id"))
            .field("port_request_id", .string)
            .field("foc_date", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await createIndex(database, name: "account_numbers_account_created", on: "account_numbers",
                              columns: ["account_id", "created_at", "e164"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("account_numbers").delete()
        try await database.schema("applications").delete()
    }
}
