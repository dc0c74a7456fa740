import FluentKit

/// Per-country LOA templates that ops replace without a release (`loa_templates`, one per ISO 3166
/// alpha-2 code; no row means the built-in international template), and the customer's values for a
/// template's extra fields on each request (`port_requests.loa_fields`, JSON text, null when none).
struct M0015_CreateLOATemplates: AsyncMigration {
    var name: String { "M0015_CreateLOATemplates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("loa_templates")
            .field("country", .string, .identifier(auto: false))
            .field("template_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by_user_id", .string)
            .field("updated_by_email", .string, .required)
            .create()
        try await database.schema("port_requests").field("loa_fields", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("port_requests").deleteField("loa_fields").update()
        try await database.schema("loa_templates").delete()
    }
}
