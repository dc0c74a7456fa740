import FluentKit
import Foundation
import SQLKit

struct LOATemplateRow: Codable, Sendable {
    var country: String
    var templateJson: String
    var updatedAt: Date
    var updatedByUserId: String?
    var updatedByEmail: String

    var record: LOATemplateRecord {
        LOATemplateRecord(country: country, json: templateJson, updatedAt: updatedAt, updatedByUserId: updatedByUserId,
                          updatedByEmail: updatedByEmail)
    }
}

struct SQLLOATemplateRepository: LOATemplateRepository {
    let context: SQLStoreContext

    /// Country codes are kept upper case, whatever the caller passes.
    static func key(_ country: String) -> String { country.uppercased() }

    func list() async throws -> [LOATemplateRecord] {
        try await context.sql.select().column("*").from("loa_templates").orderBy("country")
            .all(decoding: LOATemplateRow.self, with: rowDecoder).map(\.record)
    }

    func get(country: String) async throws -> LOATemplateRecord? {
        try await context.sql.select().column("*").from("loa_templates").where("country", .equal, Self.key(country))
            .first(decoding: LOATemplateRow.self, with: rowDecoder)?.record
    }

    func put(country: String, json: String, byUserId: String?, byEmail: String, at: Date) async throws -> LOATemplateRecord {
        let row = LOATemplateRow(country: Self.key(country), templateJson: json, updatedAt: at.storeRounded, updatedByUserId: byUserId,
                                 updatedByEmail: byEmail)
        // One statement, so two ops saving the same country at once leave one whole template (the later).
        try await context.sql.insert(into: "loa_templates").model(row, with: rowEncoder)
            .onConflict(with: ["country"]) { update in
                try update.set(excludedContentOf: row, with: rowEncoder)
            }
            .run()
        return row.record
    }

    func remove(country: String) async throws -> Bool {
        let removed = try await context.sql.delete(from: "loa_templates").where("country", .equal, Self.key(country))
            .returning("country").all()
        return !removed.isEmpty
    }
}
