/// What we tell the customer about one rejection code, and which request fields it points at.
public struct RejectionCatalogEntry: Sendable, Hashable {
    public let code: RejectionCode
    /// snake_case field paths of the request to fix (`numbers` when it is about specific numbers).
    public let fields: [String]
    /// Short customer-facing title.
    public let title: String
    /// What the losing carrier found, in plain words.
    public let explanation: String
    /// The concrete next step.
    public let fixHint: String
    /// The customer can resolve it (by correcting the request or acting with their current carrier);
    /// false when only we, the carrier, or nobody can.
    public let customerFixable: Bool

    public init(code: RejectionCode, fields: [String], title: String, explanation: String, fixHint: String,
                customerFixable: Bool) {
        self.code = code
        self.fields = fields
        self.title = title
        self.explanation = explanation
        self.fixHint = fixHint
        self.customerFixable = customerFixable
    }
}
