import Foundation

/// The encodings an RFC 5322 message needs to carry UTF-8 text over 7-bit SMTP.
enum MIMEEncoding {
    /// Quoted-printable (RFC 2045 6.7) of UTF-8 `text`: lines of at most 76 characters ending in
    /// CRLF (soft breaks `=`), `=` and non-ASCII bytes as `=XX`, trailing blanks encoded.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in normalizedLines(text) {
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let isLiteral = (33...126).contains(byte) && byte != UInt8(ascii: "=") || (byte == 9 || byte == 32) && !isLast
                let token = isLiteral ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                // Room for the soft break's `=` on a line that continues.
                let limit = isLast ? 76 : 75
                if current.count + token.count > limit {
                    out += current + "=\r\n"
                    current = ""
                }
                current += token
            }
            out += current + "\r\n"
        }
        return out
    }

    /// Base64 in lines of 76 characters, each ending in CRLF (RFC 2045 6.8).
    static func base64(_ data: Data) -> String {
        let encoded = data.base64EncodedString()
        var out = ""
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[index..<end] + "\r\n"
            index = end
        }
        return out
    }

    /// Quoted-printable for mostly-ASCII text (readable, small), base64 when over a third of the
    /// bytes would need escaping.
    static func prefersBase64(_ text: String) -> Bool {
        let bytes = text.utf8
        let escaped = bytes.filter { $0 >= 128 || $0 == UInt8(ascii: "=") }.count
        return escaped * 3 > bytes.count
    }

    /// A header value: as is when it is printable ASCII, else RFC 2047 `=?UTF-8?B?...?=` words of
    /// at most 75 characters, never splitting a character, joined by folding whitespace.
    static func headerText(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) && !flat.contains("=?") { return flat }
        // 36 bytes of UTF-8 make 48 base64 characters: a 60-character word, so even the first line
        // ("Subject: " and a word) stays under 78.
        var words: [String] = []
        var chunk = Data()
        for character in flat {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 36 {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A header field `Name: value` folded at spaces (RFC 5322 2.2.3) so lines stay within 78
    /// characters where a space allows; existing folds are kept.
    static func fold(_ field: String) -> String {
        var out: [Substring] = []
        for physical in field.split(separator: "\r\n", omittingEmptySubsequences: false) {
            var line = physical
            while line.count > 78, let cut = line.prefix(78).lastIndex(of: " "), line.distance(from: line.startIndex, to: cut) > 12 {
                out.append(line[..<cut])
                line = line[cut...]
            }
            out.append(line)
        }
        return out.joined(separator: "\r\n")
    }

    /// A `Name <address>` mailbox, the name quoted or encoded as needed (RFC 5322 3.4, RFC 2047 5).
    static func mailbox(_ text: String) -> String {
        guard let address = EmailAddress.addrSpec(of: text) else { return headerText(text) }
        guard let name = EmailAddress.displayName(of: text) else { return address }
        let isPlainASCII = name.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        if !isPlainASCII { return headerText(name) + " <\(address)>" }
        let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~ "))
        if name.unicodeScalars.allSatisfy({ $0.isASCII && atext.contains($0) }) { return "\(name) <\(address)>" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" <\(address)>"
    }

    /// RFC 5322 date-time in UTC: `Mon, 01 Mar 2027 15:00:00 +0000`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `text`'s lines whatever their ending (CRLF, LF or CR).
    static func normalizedLines(_ text: String) -> [Substring] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        // A final line break ends the last line rather than starting an empty one.
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
