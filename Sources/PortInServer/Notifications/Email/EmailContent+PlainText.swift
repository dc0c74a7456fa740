extension EmailContent {
    /// The text/plain part: paragraphs wrapped at 76 columns, lines joined with `\n` (the MIME
    /// renderer turns them into CRLF).
    var plainText: String {
        var out = [heading, String(repeating: "=", count: min(heading.count, 76)), ""]
        for block in blocks {
            switch block {
            case .paragraph(let text):
                out += Self.wrap(text, width: 76)
            case .facts(let facts):
                let width = (facts.map(\.label.count).max() ?? 0) + 1
                for fact in facts {
                    out.append(fact.label + ":" + String(repeating: " ", count: width - fact.label.count) + " " + fact.value)
                }
            case .list(let items):
                out += items.map { "  - " + $0 }
            case .reasons(let reasons):
                for (index, reason) in reasons.enumerated() {
                    if index > 0 { out.append("") }
                    out += Self.reasonLines(reason, number: index + 1)
                }
            case .quote(let text):
                out += text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
            case .footer(let text):
                out.append("--")
                out += Self.wrap(text, width: 76)
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private static func reasonLines(_ reason: NotificationReason, number: Int) -> [String] {
        let indent = "   "
        var lines = ["\(number). \(reason.title)"]
        for (label, value) in reason.labelled {
            lines += wrap("\(label): \(value)", width: 76 - indent.count).map { indent + $0 }
        }
        return lines
    }

    /// Greedy word wrap; a word longer than `width` gets a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}

extension NotificationReason {
    /// The reason's details in reading order, as both parts show them.
    var labelled: [(label: String, value: String)] {
        var out: [(label: String, value: String)] = []
        if let field { out.append(("Field to fix", field)) }
        if let number { out.append(("Number", number)) }
        out.append(("What the carrier found", explanation))
        out.append(("How to fix it", fixHint))
        if let carrierCode {
            out.append(("Carrier's code", carrierMessage.map { "\(carrierCode) (\($0))" } ?? carrierCode))
        } else if let carrierMessage {
            out.append(("Carrier's words", carrierMessage))
        }
        return out
    }
}
