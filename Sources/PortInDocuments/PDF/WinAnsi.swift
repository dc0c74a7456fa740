import Foundation

/// WinAnsiEncoding (ISO 32000-1 Annex D), the encoding every text string in our PDFs uses with
/// the standard 14 fonts. Characters it cannot show become a visible "?" rather than vanishing.
enum WinAnsi {
    static let replacement: UInt8 = UInt8(ascii: "?")

    /// The 0x80-0x9F block, where WinAnsi differs from Latin-1.
    private static let high: [Unicode.Scalar: UInt8] = [
        "\u{20AC}": 0x80, "\u{201A}": 0x82, "\u{0192}": 0x83, "\u{201E}": 0x84, "\u{2026}": 0x85,
        "\u{2020}": 0x86, "\u{2021}": 0x87, "\u{02C6}": 0x88, "\u{2030}": 0x89, "\u{0160}": 0x8A,
        "\u{2039}": 0x8B, "\u{0152}": 0x8C, "\u{017D}": 0x8E, "\u{2018}": 0x91, "\u{2019}": 0x92,
        "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2022}": 0x95, "\u{2013}": 0x96, "\u{2014}": 0x97,
        "\u{02DC}": 0x98, "\u{2122}": 0x99, "\u{0161}": 0x9A, "\u{203A}": 0x9B, "\u{0153}": 0x9C,
        "\u{017E}": 0x9E, "\u{0178}": 0x9F,
    ]

    /// Encodes text for a WinAnsi font. Composed forms are used first (so "e" + combining acute
    /// shows as "é"); control characters become spaces; anything else outside WinAnsi becomes "?".
    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            out.append(byte(for: character))
        }
        return out
    }

    private static func byte(for character: Character) -> UInt8 {
        // A Character may hold a base and combining marks; its NFC form is one scalar when WinAnsi can show it.
        let scalars = Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars)
        guard scalars.count == 1, let scalar = scalars.first else {
            return scalars.first.map { $0.value < 0x20 ? UInt8(ascii: " ") : replacement } ?? replacement
        }
        switch scalar.value {
        case 0x00..<0x20, 0x7F: return UInt8(ascii: " ")
        case 0x20..<0x7F: return UInt8(scalar.value)
        case 0xA0...0xFF: return UInt8(scalar.value)
        default: return high[scalar] ?? replacement
        }
    }
}

/// PDF literal strings (§7.3.4.2).
enum PDFString {
    /// `(…)` with `(`, `)` and `\` escaped, and every byte outside printable ASCII as an octal
    /// escape, so the file stays 7-bit clean and a stray byte can never end the string.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "(")]
        out.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x20..<0x7F:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "0") + (byte >> 6))
                out.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                out.append(UInt8(ascii: "0") + (byte & 7))
            }
        }
        out.append(UInt8(ascii: ")"))
        return out
    }
}
