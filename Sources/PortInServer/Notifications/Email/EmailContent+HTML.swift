import Foundation

extension EmailContent {
    /// The text/html part: a self-contained page with inline styles (mail clients drop `<style>`
    /// and external sheets); every piece of text is escaped.
    var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(subject.htmlEscaped)</title>
            </head>
            <body style="margin:0;padding:24px;background:#f5f6f8;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;\
            font-size:15px;line-height:1.5;color:#1f2328">
            <div style="max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #d8dee4;border-radius:6px;padding:24px">
            <h1 style="font-size:20px;margin:0 0 16px">\(heading.htmlEscaped)</h1>

            """
        for block in blocks {
            out += Self.render(block) + "\n"
        }
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case .paragraph(let text):
            return "<p style=\"margin:0 0 12px\">\(text.htmlEscapedWithBreaks)</p>"
        case .facts(let facts):
            let rows = facts.map {
                "<tr><th style=\"text-align:left;padding:2px 16px 2px 0;font-weight:600;vertical-align:top\">\($0.label.htmlEscaped)</th>"
                    + "<td style=\"padding:2px 0\">\($0.value.htmlEscaped)</td></tr>"
            }
            return "<table style=\"border-collapse:collapse;margin:0 0 12px\">\n" + rows.joined(separator: "\n") + "\n</table>"
        case .list(let items):
            return "<ul style=\"margin:0 0 12px\">\n" + items.map { "<li>\($0.htmlEscaped)</li>" }.joined(separator: "\n") + "\n</ul>"
        case .reasons(let reasons):
            let items = reasons.map { reason in
                let details = reason.labelled.map {
                    "<dt style=\"font-weight:600\">\($0.label.htmlEscaped)</dt><dd style=\"margin:0 0 6px\">\($0.value.htmlEscaped)</dd>"
                }
                return "<li style=\"margin:0 0 12px\"><strong>\(reason.title.htmlEscaped)</strong>\n<dl style=\"margin:4px 0 0\">\n"
                    + details.joined(separator: "\n") + "\n</dl></li>"
            }
            return "<ol style=\"margin:0 0 12px;padding-left:20px\">\n" + items.joined(separator: "\n") + "\n</ol>"
        case .quote(let text):
            return "<blockquote style=\"margin:0 0 12px;padding:8px 12px;border-left:4px solid #d8dee4;color:#424a53\">"
                + text.htmlEscapedWithBreaks + "</blockquote>"
        case .footer(let text):
            return "<p style=\"margin:24px 0 0;font-size:12px;color:#656d76\">\(text.htmlEscaped)</p>"
        }
    }
}

extension String {
    /// Text safe inside HTML elements and quoted attributes.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in unicodeScalars {
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

    /// Escaped, with line breaks kept as `<br>`.
    var htmlEscapedWithBreaks: String {
        htmlEscaped.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>\n")
    }
}
