/// What one email says, independent of format: the plain-text and HTML parts are both rendered
/// from it, so they always carry the same facts, reasons and instructions.
struct EmailContent: Sendable, Hashable {
    var subject: String
    var heading: String
    var blocks: [Block]

    enum Block: Sendable, Hashable {
        case paragraph(String)
        /// Label and value pairs (the request's identity).
        case facts([Fact])
        case list([String])
        /// Rejection reasons, each with its field, explanation, fix and the carrier's own code.
        case reasons([NotificationReason])
        /// Someone else's words, line breaks kept (a comment).
        case quote(String)
        /// Small print at the end.
        case footer(String)
    }

    struct Fact: Sendable, Hashable {
        var label: String
        var value: String
    }
}
