/// Errors the store raises itself; driver errors for anything else pass through.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidConfiguration(String)
    /// A unique rule was broken (for example a number already in an open request).
    case conflict(String)
    /// A cursor that this store did not issue.
    case invalidCursor
    /// The configured PIN key cannot open this secret (wrong key or tampered data).
    case secretUnreadable
    /// The store was shut down.
    case shutDown

    public var description: String {
        switch self {
        case .invalidConfiguration(let why): "invalid store configuration: \(why)"
        case .conflict(let what): "conflict: \(what)"
        case .invalidCursor: "invalid cursor"
        case .secretUnreadable: "secret cannot be decrypted with the configured key"
        case .shutDown: "store is shut down"
        }
    }
}
