import FluentKit

/// LOA e-signatures: `signed_loas` marks a request's LOA as signed through PortIn (one per request,
/// the primary key; while it exists the LOA cannot be replaced), and `loa_signing_links` holds the
/// emailed signing links by the SHA-256 of their token only, with expiry and single use.
struct M0014_CreateLOASigning: AsyncMigration {
    var name: String { "M0014_CreateLOASigning" }

    func prepare(on database: any Database) async throws {
        try await database.schema("signed_loas")
            .field("request_id", .string, .identifier(auto: false), .references("port_requests", "id", onDelete: .cascade))
            .field("account_id", .string, .required)
            .field("document_id", .string, .required)
            .field("signed_sha256", .string, .required)
            .field("unsigned_sha256", .string, .required)
            .field("signer_name", .string, .required)
            .field("signer_email", .string, .required)
            .field("via", .string, .required)
            .field("signed_at", .datetime, .required)
            .create()

        try await database.schema("loa_signing_links")
            .field("id", .string, .identifier(auto: false))
            .field("token_hash", .data, .required)
            .field("request_id", .string, .required, .references("port_requests", "id", onDelete: .cascade))
            .field("account_id", .string, .required)
            .field("email", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await createIndex(database, name: "loa_signing_links_request", on: "loa_signing_links", columns: ["request_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("loa_signing_links").delete()
        try await database.schema("signed_loas").delete()
    }
}
