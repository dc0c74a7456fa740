import FluentKit
import SQLKit

/// Port requests with flat content columns, their numbers, and the PON counter.
struct M0002_CreatePortRequests: AsyncMigration {
    var name: String { "M0002_CreatePortRequests" }

    func prepare(on database: any Database) async throws {
        try await database.schema("port_requests")
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .string, .required, .references("accounts", "id"))
            .field("group_id", .string, .required)
            .field("status", .string, .required)
            .field("kind", .string, .required)
            .field("country", .string, .required)
            .field("subscriber_type", .string, .required)
            .field("business_name", .string)
            .field("first_name", .string)
            .field("last_name", .string)
            .field("authorized_name", .string)
            .field("authorized_title", .string)
            .field("authorized_email", .string)
            .field("address_house_number", .string)
            .field("address_street", .string)
            .field("address_unit", .string)
            .field("address_city", .string)
            .field("address_state", .string)
            .field("address_postal_code", .string)
            .field("address_country", .string)
            .field("account_number", .string)
            .field("pin_sealed", .data)
            .field("btn", .string)
            .field("partial_port", .bool, .required)
            .field("new_btn", .string)
            .field("requested_foc_date", .string)
            .field("customer_reference", .string)
            .field("notification_emails", .string, .required)
            .field("number_type", .string)
            .field("losing_carrier_spid", .string)
            .field("losing_carrier_name", .string)
            .field("pon", .string, .required)
            .field("version", .int, .required)
            .field("foc_date", .string)
            .field("reasons", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("submitted_at", .datetime)
            .field("completed_at", .datetime)
            .unique(on: "pon")
            .create()
        try await createIndex(database, name: "port_requests_account_created", on: "port_requests",
                              columns: ["account_id", "created_at", "id"])
        try await createIndex(database, name: "port_requests_status_created", on: "port_requests",
                              columns: ["status", "created_at"])
        try await createIndex(database, name: "port_requests_group", on: "port_requests", columns: ["group_id"])

        try await database.schema("request_numbers")
            .field("request_id", .string, .required, .references("port_requests", "id", onDelete: .cascade))
            .field("e164", .string, .required)
            .field("position", .int, .required)
            .field("status", .string, .required)
            .field("foc_date", .string)
            .field("is_open", .bool, .required)
            .unique(on: "request_id", "e164")
            .create()
        // The rule "one number in at most one open request", enforced by the database itself.
        try await createIndex(database, name: "request_numbers_open_e164", on: "request_numbers", columns: ["e164"],
                              unique: true, where: "is_open")
        try await createIndex(database, name: "request_numbers_e164", on: "request_numbers", columns: ["e164"])

        try await database.schema("counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.insert(into: "counters").columns("name", "value").values(SQLBind("pon"), SQLBind(0)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("counters").delete()
        try await database.schema("request_numbers").delete()
        try await database.schema("port_requests").delete()
    }
}
