import FluentKit

/// Carrier callback event ids already received: each event is applied once.
struct M0008_CreateCarrierEventReceipts: AsyncMigration {
    var name: String { "M0008_CreateCarrierEventReceipts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("carrier_event_receipts")
            .field("event_id", .string, .identifier(auto: false))
            .field("request_id", .string)
            .field("received_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("carrier_event_receipts").delete()
    }
}
