import Foundation

/// Who wrote a comment, as the API shows it.
public enum CommentAuthor: String, Sendable, Hashable, Codable, CaseIterable {
    case customer
    case portingTeam = "porting_team"
}

/// Internal comments are for the porting team only and never reach the customer.
public enum CommentVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    case customer
    case `internal`
}

/// A note on a port request.
public struct Comment: Sendable, Hashable {
    public var id: String
    public var requestId: String
    public var accountId: String
    public var author: CommentAuthor
    /// The user who wrote it, when known.
    public var authorId: String?
    public var visibility: CommentVisibility
    public var body: String
    public var createdAt: Date
}
