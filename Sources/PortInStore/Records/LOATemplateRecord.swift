import Foundation

/// A country's LOA template as ops stored it: the template JSON as uploaded (the store does not
/// interpret it; the server checks it before storing), and who stored it when.
public struct LOATemplateRecord: Sendable, Hashable {
    /// ISO 3166 alpha-2, upper case.
    public var country: String
    public var json: String
    public var updatedAt: Date
    public var updatedByUserId: String?
    public var updatedByEmail: String

    public init(country: String, json: String, updatedAt: Date, updatedByUserId: String?, updatedByEmail: String) {
        self.country = country
        self.json = json
        self.updatedAt = updatedAt
        self.updatedByUserId = updatedByUserId
        self.updatedByEmail = updatedByEmail
    }
}
