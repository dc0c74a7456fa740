/// One page of a list and the opaque cursor of the next, nil on the last page.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?
}

/// Which page to read.
public struct PageRequest: Sendable, Hashable {
    public var limit: Int
    public var cursor: String?

    /// `limit` is clamped to 1...200.
    public init(limit: Int = 50, cursor: String? = nil) {
        self.limit = min(200, max(1, limit))
        self.cursor = cursor
    }
}
