/// A fragment of HTML. Text enters only through `HTML(text:)` (or a `String` in an `@HTMLBuilder`
/// block), which escapes it; markup only through the element functions of `H`, whose tag and
/// attribute names are literals in our code. So every interpolated value is escaped by construction.
struct HTML: Sendable, CustomStringConvertible {
    /// The markup as sent.
    let rendered: String

    private init(trusted: String) { rendered = trusted }

    /// Escaped text.
    init(text: String) { rendered = HTML.escape(text) }

    static let empty = HTML(trusted: "")

    /// Markup written in our source (a doctype, an entity); never built from data.
    static func markup(_ literal: StaticString) -> HTML { HTML(trusted: literal.description) }

    /// Fragments one after the other.
    static func concat(_ parts: [HTML]) -> HTML { HTML(trusted: parts.map(\.rendered).joined()) }

    var description: String { rendered }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// `<name attributes>content</name>`; `name` is a literal of ours.
    static func element(_ name: StaticString, _ attributes: [Attribute], content: HTML?) -> HTML {
        var text = "<" + name.description
        for attribute in attributes {
            text += " " + attribute.name.description
            if let value = attribute.value { text += "=\"" + escape(value) + "\"" }
        }
        text += ">"
        if let content { text += content.rendered + "</" + name.description + ">" }
        return HTML(trusted: text)
    }
}

/// One attribute; a nil value is a boolean attribute (`required`, `disabled`).
struct Attribute: Sendable {
    let name: StaticString
    let value: String?

    init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }
}

/// Builds `HTML` from statements: strings become escaped text, `if`, `switch` and `for` work.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ html: HTML) -> HTML { html }
    static func buildExpression(_ text: String) -> HTML { HTML(text: text) }
    static func buildExpression(_ parts: [HTML]) -> HTML { .concat(parts) }
    static func buildPartialBlock(first: HTML) -> HTML { first }
    static func buildPartialBlock(accumulated: HTML, next: HTML) -> HTML { .concat([accumulated, next]) }
    static func buildBlock() -> HTML { .empty }
    static func buildOptional(_ html: HTML?) -> HTML { html ?? .empty }
    static func buildEither(first: HTML) -> HTML { first }
    static func buildEither(second: HTML) -> HTML { second }
    static func buildArray(_ parts: [HTML]) -> HTML { .concat(parts) }
}
