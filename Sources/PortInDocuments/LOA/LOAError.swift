import PortInCore

/// Why an LOA could not be produced or signed. Problems are reported all at once, each naming its
/// field (snake_case path, as in the API) and the rule.
public enum LOAError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The content or signature is incomplete or inconsistent with the form.
    case invalid([ValidationProblem])
    /// The template itself is unusable (unknown placeholder, empty title, ...).
    case invalidTemplate([ValidationProblem])
    /// The stored layout does not describe these bytes.
    case layoutMismatch(String)

    public var description: String {
        switch self {
        case .invalid(let problems): "LOA: " + problems.map(\.description).joined(separator: "; ")
        case .invalidTemplate(let problems): "LOA template: " + problems.map(\.description).joined(separator: "; ")
        case .layoutMismatch(let detail): "LOA: the layout does not match the document (\(detail))"
        }
    }
}
