import Foundation
@testable import PortInServer

/// Reading pages the way a test needs: a form's input values, a field's block, text without tags.
enum PageHTML {
    /// The `name`/`value` of every text-like input in the form posting to `action` (the values the
    /// browser would send unchanged; checkboxes only when checked).
    static func formValues(_ html: String, action: String) -> [(String, String)] {
        guard let start = html.range(of: "action=\"\(action)\""),
              let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [] }
        let form = html[start.upperBound..<end.lowerBound]
        var values: [(String, String)] = []
        for tag in form.components(separatedBy: "<input ").dropFirst() {
            let element = " " + tag.prefix { $0 != ">" }
            guard let name = attribute("name", in: element), name != WebSessionMiddleware.csrfField else { continue }
            if attribute("type", in: element) == "checkbox" && !element.contains(" checked") { continue }
            if attribute("type", in: element) == "password" || attribute("type", in: element) == "file" { continue }
            values.append((name, attribute("value", in: element) ?? ""))
        }
        return values
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let range = element.range(of: " \(name)=\"") else { return nil }
        return unescape(String(element[range.upperBound...].prefix { $0 != "\"" }))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The markup of one field: from its label to the end of its input's tag (where its reasons and
    /// errors sit, and the input's own attributes).
    static func fieldBlock(_ html: String, field: String) -> String? {
        let id = FormParts.id(field)
        guard let label = html.range(of: "<label for=\"\(id)\""),
              let input = html.range(of: "id=\"\(id)\"", range: label.upperBound..<html.endIndex),
              let end = html.range(of: ">", range: input.upperBound..<html.endIndex) else { return nil }
        return String(html[label.lowerBound..<end.upperBound])
    }

    /// Replaces `values` in `fields` by name (appending names not there).
    static func with(_ fields: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        var out = fields.map { ($0.0, changes[$0.0] ?? $0.1) }
        for (name, value) in changes where !fields.contains(where: { $0.0 == name }) { out.append((name, value)) }
        return out
    }
}
