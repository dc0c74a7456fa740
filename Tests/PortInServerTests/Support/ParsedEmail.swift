import Foundation

/// An RFC 5322 message read back independently of the code that wrote it: unfolded headers,
/// RFC 2047 words decoded, multipart bodies split at the boundary and each part decoded from
/// quoted-printable or base64. Throws on anything it does not understand, so a test fails.
struct ParsedEmail {
    struct Part {
        var headers: [(name: String, value: String)]
        /// The part's body as transmitted.
        var raw: String
        /// Decoded text, line breaks as CRLF.
        var text: String

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    /// The message as received.
    var raw: String
    var headers: [(name: String, value: String)]
    var parts: [Part]

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    /// The Subject with encoded words decoded.
    var subject: String { (try? ParsedEmail.decodeWords(header("Subject") ?? "")) ?? "" }
    func part(_ contentType: String) -> Part? { parts.first { $0.header("Content-Type")?.hasPrefix(contentType) == true } }
    var plainText: String { part("text/plain")?.text ?? "" }
    var html: String { part("text/html")?.text ?? "" }

    init(_ data: Data) throws {
        guard let text = String(data: data, encoding: .utf8) else { throw ParseError("not UTF-8") }
        raw = text
        let (head, body) = try Self.splitHead(text)
        headers = try Self.parseHeaders(head)
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
        guard contentType.hasPrefix("multipart/"), let boundary = Self.parameter("boundary", of: contentType) else {
            throw ParseError("not multipart: \(contentType)")
        }
        parts = try Self.splitParts(body, boundary: boundary).map { section in
            let (partHead, partBody) = try Self.splitHead(section)
            let partHeaders = try Self.parseHeaders(partHead)
            let encoding = partHeaders.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased() ?? "7bit"
            return Part(headers: partHeaders, raw: partBody, text: try Self.decode(partBody, encoding: encoding))
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func splitHead(_ text: String) throws -> (String, String) {
        guard let range = text.range(of: "\r\n\r\n") else { throw ParseError("no blank line after the headers") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    static func parseHeaders(_ head: String) throws -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !out.isEmpty else { throw ParseError("folded line before any header") }
                out[out.count - 1].value += line
            } else {
                guard let colon = line.firstIndex(of: ":") else { throw ParseError("header without a colon: \(line)") }
                out.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }

    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].hasPrefix("\"") ? String(pair[1].dropFirst().dropLast()) : pair[1]
            }
        }
        return nil
    }

    /// The sections between `--boundary` lines, up to `--boundary--` (RFC 2046 5.1.1).
    static func splitParts(_ body: String, boundary: String) throws -> [String] {
        let delimiter = "\r\n--" + boundary
        let pieces = ("\r\n" + body).components(separatedBy: delimiter)
        guard pieces.count >= 3, pieces.last?.hasPrefix("--") == true else { throw ParseError("no closing boundary") }
        return try pieces.dropFirst().dropLast().map { piece in
            // "\r\n" is one Character in Swift.
            guard piece.hasPrefix("\r\n") else { throw ParseError("boundary not on its own line") }
            return String(piece.dropFirst())
        }
    }

    static func decode(_ body: String, encoding: String) throws -> String {
        switch encoding {
        case "quoted-printable":
            var bytes: [UInt8] = []
            let utf8 = Array(body.utf8)
            var index = 0
            while index < utf8.count {
                if utf8[index] == UInt8(ascii: "=") {
                    if index + 2 < utf8.count, utf8[index + 1] == 13, utf8[index + 2] == 10 {
                        index += 3
                        continue
                    }
                    guard index + 2 < utf8.count, let byte = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16)
                    else { throw ParseError("bad quoted-printable escape") }
                    bytes.append(byte)
                    index += 3
                } else {
                    bytes.append(utf8[index])
                    index += 1
                }
            }
            guard let text = String(bytes: bytes, encoding: .utf8) else { throw ParseError("quoted-printable is not UTF-8") }
            return text
        case "base64":
            guard let data = Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")),
                  let text = String(data: data, encoding: .utf8) else { throw ParseError("bad base64") }
            return text
        default:
            throw ParseError("unexpected transfer encoding \(encoding)")
        }
    }

    /// Decodes RFC 2047 `=?UTF-8?B?...?=` and `=?UTF-8?Q?...?=` words; whitespace between words goes.
    static func decodeWords(_ value: String) throws -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        for token in value.split(separator: " ") {
            guard token.hasPrefix("=?"), token.hasSuffix("?="), case let pieces = token.dropFirst(2).dropLast(2)
                .split(separator: "?", omittingEmptySubsequences: false), pieces.count == 3, pieces[0].uppercased() == "UTF-8" else {
                throw ParseError("not an encoded word: \(token)")
            }
            switch pieces[1].uppercased() {
            case "B":
                guard let data = Data(base64Encoded: String(pieces[2])), let text = String(data: data, encoding: .utf8) else {
                    throw ParseError("bad encoded word")
                }
                out += text
            default:
                throw ParseError("unexpected word encoding \(pieces[1])")
            }
        }
        return out
    }
}
