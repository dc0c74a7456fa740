import Foundation

/// Canonical comparison keys for CSR fields: two values match when their keys are equal
/// (units and lenient name rules add a little on top, see `CSRMatcher`). Rules: docs/matching.md.
public enum Normalizer {
    /// Person name key: letters and digits only, upper-cased ("o'brien" = "O Brien" = OBRIEN).
    public static func personName(_ s: String) -> String {
        personNameWords(s).joined()
    }

    /// Business name key: entity suffixes canonical (Incorporated -> INC, L.L.C. -> LLC), "&" = AND,
    /// a leading or trailing "The" dropped, then spacing removed.
    public static func businessName(_ s: String) -> String {
        businessNameWords(s).joined()
    }

    /// Street key: USPS Pub 28 suffixes and directionals abbreviated, spelled ordinals as digits
    /// ("North Fifth Avenue" -> "N 5TH AVE"); words stay separated by one space.
    public static func street(_ s: String) -> String {
        streetWords(s).joined(separator: " ")
    }

    /// Unit key: each designator USPS-abbreviated with its identifier ("Suite #200" -> "STE 200");
    /// a bare identifier or "#" gets the designator "#". Empty for nil or blank.
    public static func unit(_ s: String?) -> String {
        guard let s else { return "" }
        return unitParts(s).map(\.description).joined(separator: " ")
    }

    /// House number key: upper-cased, spaces dropped except between two digit groups
    /// ("123 a" -> "123A", "123 - 125" -> "123-125", "123 1/2" stays).
    public static func houseNumber(_ s: String) -> String {
        var key = ""
        for word in fold(s).split(whereSeparator: \.isWhitespace) {
            if let last = key.last, last.isNumber, let first = word.first, first.isNumber { key.append(" ") }
            key += word.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" }
        }
        return key
    }

    /// City key: Saint/Mount/Fort and a few USPS city words abbreviated, a leading directional
    /// abbreviated, then spacing removed ("St. Louis" = "Saint Louis" -> STLOUIS).
    public static func city(_ s: String) -> String {
        var words = mapping(tokens(s, joiners: apostrophes.union(["."])), cityWords)
        if let first = words.first, let abbreviation = directionals[first] { words[0] = abbreviation }
        return words.joined()
    }

    /// State/province key: the two-letter code, whether typed as code ("N.Y.") or name ("New York").
    public static func state(_ s: String) -> String {
        let words = tokens(s, joiners: apostrophes.union(["."]))
        return stateCodes[words.joined(separator: " ")] ?? words.joined()
    }

    /// Postal code key. US: the 5-digit ZIP (ZIP+4 reduced); elsewhere letters and digits only,
    /// upper-cased ("K1A 0B1" -> K1A0B1).
    public static func postalCode(_ s: String, country: String) -> String {
        let compact = tokens(s, joiners: []).joined()
        guard country.uppercased() == "US" else { return compact }
        // Only a well-formed ZIP or ZIP+4 is reduced; anything else must match as typed.
        if compact.count == 9, compact.allSatisfy(\.isASCIIDigit) { return String(compact.prefix(5)) }
        return compact
    }

    /// Account number key: case, punctuation and spacing ignored ("ab-123 45" -> AB12345).
    public static func accountNumber(_ s: String) -> String {
        tokens(s, joiners: []).joined()
    }

    /// PIN key: case, punctuation and spacing ignored (carriers match passcodes that way).
    static func pin(_ s: String) -> String {
        tokens(s, joiners: []).joined()
    }

    /// Telephone number key: digits only, a leading NANP "1" dropped from 11 digits, so
    /// "+1 (415) 555-0123" = "4155550123". A stand-in until PhoneNumber parsing is used here.
    public static func telephoneNumber(_ s: String) -> String {
        let digits = s.filter(\.isASCIIDigit)
        if digits.count == 11, digits.first == "1" { return String(digits.dropFirst()) }
        return digits
    }
}

extension Character {
    /// 0-9 only: `isNumber` also accepts other scripts' digits and fractions.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
