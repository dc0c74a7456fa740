import SQLKit
import Synchronization

/// Row structs' camelCase keys as snake_case columns, each worked out once. SQLKit's built-in
/// strategies convert every key of every row again, which showed as a few percent of the carrier
/// callback path's CPU; the names are a small fixed set, so a cache is exact and cheap.
enum ColumnNames {
    private static let cache = Mutex<[String: String]>([:])

    static func column(for key: String) -> String {
        if let known = cache.withLock({ $0[key] }) { return known }
        let column = snakeCase(key)
        cache.withLock { $0[key] = column }
        return column
    }

    /// SQLKit's `convertedToSnakeCase`: a new word at each capital; a run of capitals is one word
    /// whose last capital starts the next ("requestURLText" -> "request_url_text").
    static func snakeCase(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex, searchIndex = key.index(after: wordStart)
        while let upper = key[searchIndex...].firstIndex(where: \.isUppercase) {
            words.append(wordStart..<upper)
            wordStart = upper
            guard let lower = key[upper...].firstIndex(where: \.isLowercase) else { break }
            searchIndex = lower
            if lower != key.index(after: upper) {
                let beforeLower = key.index(before: lower)
                words.append(upper..<beforeLower)
                wordStart = beforeLower
            }
        }
        words.append(wordStart..<key.endIndex)
        return words.map { word in
            let text = key[word]
            return text.isEmpty ? "" : text[text.startIndex].lowercased() + text.dropFirst()
        }.joined(separator: "_")
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let encoding = SQLQueryEncoder.KeyEncodingStrategy.custom { path in Key(stringValue: column(for: path.last!.stringValue)) }
    static let decoding = SQLRowDecoder.KeyDecodingStrategy.custom { path in Key(stringValue: column(for: path.last!.stringValue)) }
}
