extension Normalizer {
    /// Spelled ordinals ("Fifth", "Forty-Second") and numeric ones ("42d", "42ND") -> "5TH", "42ND".
    static func ordinals(_ words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if let tens = tensWords[word], i + 1 < words.count, let ones = ordinalWords[words[i + 1]], ones < 10 {
                out.append(ordinal(tens + ones))
                i += 2
                continue
            }
            out.append(ordinalWords[word].map(ordinal) ?? numericOrdinal(word) ?? word)
            i += 1
        }
        return out
    }

    /// "42D", "42ND", "1TH" -> the digits with the correct suffix; nil when not a numeric ordinal.
    static func numericOrdinal(_ word: String) -> String? {
        let digits = word.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, ["ST", "ND", "RD", "TH", "D"].contains(String(word.dropFirst(digits.count))),
              let value = Int(digits) else { return nil }
        return String(digits) + ordinalSuffix(value)
    }

    static func ordinal(_ value: Int) -> String {
        "\(value)" + ordinalSuffix(value)
    }

    static func ordinalSuffix(_ value: Int) -> String {
        if (11...13).contains(value % 100) { return "TH" }
        switch value % 10 {
        case 1: return "ST"
        case 2: return "ND"
        case 3: return "RD"
        default: return "TH"
        }
    }

    static let ordinalWords: [String: Int] = [
        "FIRST": 1, "SECOND": 2, "THIRD": 3, "FOURTH": 4, "FIFTH": 5, "SIXTH": 6, "SEVENTH": 7,
        "EIGHTH": 8, "NINTH": 9, "TENTH": 10, "ELEVENTH": 11, "TWELFTH": 12, "THIRTEENTH": 13,
        "FOURTEENTH": 14, "FIFTEENTH": 15, "SIXTEENTH": 16, "SEVENTEENTH": 17, "EIGHTEENTH": 18,
        "NINETEENTH": 19, "TWENTIETH": 20, "THIRTIETH": 30, "FORTIETH": 40, "FIFTIETH": 50,
        "SIXTIETH": 60, "SEVENTIETH": 70, "EIGHTIETH": 80, "NINETIETH": 90, "HUNDREDTH": 100,
    ]

    /// Tens that combine with a following FIRST..NINTH ("Twenty First", "Forty-Second").
    static let tensWords: [String: Int] = [
        "TWENTY": 20, "THIRTY": 30, "FORTY": 40, "FIFTY": 50, "SIXTY": 60, "SEVENTY": 70,
        "EIGHTY": 80, "NINETY": 90,
    ]
}
