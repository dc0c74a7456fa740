/// One thing wrong with a port request, naming the field and the rule it breaks.
/// Validation returns all of them at once so a customer fixes everything in one pass.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Blocks submission.
        case error
        /// Likely to cause a rejection, but the carrier may still accept it.
        case warning
    }

    /// snake_case JSON path of the field, e.g. `service_address.postal_code` or `numbers[3]`.
    public let field: String
    /// Stable machine-readable rule, e.g. `required`, `po_box_not_allowed`.
    public let code: String
    /// What is wrong and what to do, for people.
    public let message: String
    public let severity: Severity

    public init(field: String, code: String, message: String, severity: Severity = .error) {
        self.field = field
        self.code = code
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(severity.rawValue) \(field) [\(code)]: \(message)" }
}

/// The outcome of validating a request: every problem found, errors and warnings together.
public struct ValidationReport: Sendable, Hashable, Codable {
    public let problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) { self.problems = problems }

    public var errors: [ValidationProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ValidationProblem] { problems.filter { $0.severity == .warning } }
    /// True when nothing blocks submission (warnings may remain).
    public var isValid: Bool { errors.isEmpty }

    /// The problems for one field path (exactly), for showing next to a form field.
    public func problems(for field: String) -> [ValidationProblem] { problems.filter { $0.field == field } }
}
