extension Normalizer {
    /// Name words: apostrophes join, periods and hyphens separate ("J.R. O'Neil-Smith" -> J R ONEIL SMITH).
    static func personNameWords(_ s: String) -> [String] {
        tokens(s, joiners: apostrophes)
    }

    /// Business name words after canonicalisation, before spacing is removed.
    static func businessNameWords(_ s: String) -> [String] {
        var words = mapping(tokens(s, joiners: apostrophes.union(["."]), symbols: ["&"]), businessWords)
        for (phrase, abbreviation) in businessPhrases {
            words = replacingPhrase(phrase, with: abbreviation, in: words)
        }
        // "The Acme Company" and "Acme Company, The" are the same business on any CSR.
        if words.count > 1, words.first == "THE" { words.removeFirst() }
        if words.count > 1, words.last == "THE" { words.removeLast() }
        return words
    }

    /// The business name without a trailing entity suffix, and that suffix (nil when none).
    static func splitEntitySuffix(_ words: [String]) -> (name: [String], suffix: String?) {
        guard words.count > 1, let last = words.last, entitySuffixes.contains(last) else { return (words, nil) }
        return (Array(words.dropLast()), last)
    }

    static func replacingPhrase(_ phrase: [String], with abbreviation: String, in words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            if i + phrase.count <= words.count, Array(words[i..<(i + phrase.count)]) == phrase {
                out.append(abbreviation)
                i += phrase.count
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }

    /// Single-word entity forms, applied before `businessPhrases` (which is written in their output).
    static let businessWords: [String: String] = [
        "&": "AND",
        "INCORPORATED": "INC",
        "CORPORATION": "CORP",
        "COMPANY": "CO",
        "LIMITED": "LTD",
    ]

    /// Multi-word entity forms, longest first so "Professional Limited Liability Company" wins.
    static let businessPhrases: [([String], String)] = [
        (["PROFESSIONAL", "LTD", "LIABILITY", "CO"], "PLLC"),
        (["LTD", "LIABILITY", "CO"], "LLC"),
        (["LTD", "LIABILITY", "PARTNERSHIP"], "LLP"),
        (["PROFESSIONAL", "CORP"], "PC"),
        (["LTD", "PARTNERSHIP"], "LP"),
        (["PUBLIC", "LTD", "CO"], "PLC"),
    ]

    /// Canonical entity suffixes that lenient matching may ignore when only one side has one.
    static let entitySuffixes: Set<String> = ["INC", "CORP", "CO", "LTD", "LLC", "LLP", "LP", "PLLC", "PC", "PLC"]
}
