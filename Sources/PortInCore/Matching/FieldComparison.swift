/// How one request field compares with the CSR.
public enum FieldMatch: Sendable, Hashable {
    /// Equal after normalisation.
    case match
    /// Both sides have a value and they differ; values are as typed / as on record (secrets redacted).
    case mismatch(requested: String, onRecord: String)
    /// The request left the field empty while the record has a value.
    case missing(onRecord: String)

    /// What a secret (the PIN) is shown as in any result, on either side.
    public static let redacted = "***"

    /// True for `.match`.
    public var isMatch: Bool {
        if case .match = self { return true }
        return false
    }
}

/// The comparison of one field, named by its snake_case JSON path (`service_address.street`).
public struct FieldComparison: Sendable, Hashable {
    public let field: String
    public let result: FieldMatch

    public init(field: String, result: FieldMatch) {
        self.field = field
        self.result = result
    }
}
