/// Greedy line breaking by measured width. Words longer than a line (a user agent, a hash) are
/// broken by character so nothing ever runs off the page.
enum TextWrapper {
    static func wrap(_ text: String, font: StandardFont, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), font: font, size: size, width: width))
        }
        return lines
    }

    /// The text cut to fit one line, ending in an ellipsis when cut.
    static func truncate(_ text: String, font: StandardFont, size: Double, width: Double) -> String {
        guard font.width(of: text, size: size) > width else { return text }
        var cut = text
        while !cut.isEmpty, font.width(of: cut + "\u{2026}", size: size) > width { cut.removeLast() }
        return cut + "\u{2026}"
    }

    private static func wrapParagraph(_ text: String, font: StandardFont, size: Double, width: Double) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if font.width(of: candidate, size: size) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            // The word alone may still be too wide: break it by character.
            var piece = ""
            for character in word {
                let next = piece + String(character)
                if font.width(of: next, size: size) > width, !piece.isEmpty {
                    lines.append(piece)
                    piece = String(character)
                } else {
                    piece = next
                }
            }
            current = piece
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
