import Foundation

extension Normalizer {
    /// Apostrophes join the letters around them ("O'Brien" -> OBRIEN) instead of splitting a word.
    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}", "\u{02BC}"]

    /// Upper-cases and strips diacritics ("José" -> JOSE), independent of the process locale.
    static func fold(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).uppercased()
    }

    /// Splits folded text into words of letters and digits. Characters in `joiners` are dropped
    /// without breaking the word, `symbols` become words of their own, anything else separates.
    static func tokens(_ s: String, joiners: Set<Character>, symbols: Set<Character> = []) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in fold(s) {
            if joiners.contains(ch) { continue }
            if ch.isLetter || ch.isNumber {
                current.append(ch)
                continue
            }
            if !current.isEmpty {
                words.append(current)
                current = ""
            }
            if symbols.contains(ch) { words.append(String(ch)) }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Replaces each word found in `table`, leaving the others alone.
    static func mapping(_ words: [String], _ table: [String: String]) -> [String] {
        words.map { table[$0] ?? $0 }
    }
}
