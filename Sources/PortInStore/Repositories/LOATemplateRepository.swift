import Foundation

/// Per-country LOA templates (no row: the built-in international template applies).
public protocol LOATemplateRepository: Sendable {
    /// Every stored template, by country code.
    func list() async throws -> [LOATemplateRecord]
    func get(country: String) async throws -> LOATemplateRecord?
    /// Stores `json` as the country's template, replacing any before it.
    func put(country: String, json: String, byUserId: String?, byEmail: String, at: Date) async throws -> LOATemplateRecord
    /// Removes the country's template; false when it had none.
    func remove(country: String) async throws -> Bool
}
