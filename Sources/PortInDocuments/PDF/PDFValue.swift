/// A PDF object value (ISO 32000-1 §7.3). Dictionaries keep their insertion order so the same
/// document always serialises to the same bytes.
indirect enum PDFValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    /// A literal string of already-encoded bytes (escaped on output).
    case string([UInt8])
    case array([PDFValue])
    case dict(PDFDictionary)
    case ref(Int)

    /// A literal string from text, encoded to WinAnsi (the encoding our fonts and /Info use).
    static func text(_ text: String) -> PDFValue { .string(WinAnsi.encode(text)) }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .int(let value): out.append(contentsOf: Array(String(value).utf8))
        case .real(let value): out.append(contentsOf: Array(PDFNumber.format(value).utf8))
        case .name(let name): out.append(contentsOf: PDFValue.nameBytes(name))
        case .string(let bytes): out.append(contentsOf: PDFString.literal(bytes))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dict(let dictionary): dictionary.write(to: &out)
        case .ref(let id): out.append(contentsOf: Array("\(id) 0 R".utf8))
        }
    }

    /// Names are written with `#xx` escapes for anything outside regular printable characters.
    static func nameBytes(_ name: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "/")]
        let delimiters = Set("()<>[]{}/%#".utf8)
        for byte in name.utf8 {
            if byte > 0x20, byte < 0x7F, !delimiters.contains(byte) {
                out.append(byte)
            } else {
                out.append(contentsOf: Array("#".utf8) + PDFNumber.hex2(byte))
            }
        }
        return out
    }
}

/// An ordered PDF dictionary.
struct PDFDictionary: Sendable, Equatable {
    private(set) var entries: [(key: String, value: PDFValue)] = []

    init(_ entries: [(String, PDFValue)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    func write(to out: inout [UInt8]) {
        out.append(contentsOf: Array("<<".utf8))
        for (key, value) in entries {
            out.append(contentsOf: PDFValue.nameBytes(key))
            out.append(UInt8(ascii: " "))
            value.write(to: &out)
            out.append(UInt8(ascii: " "))
        }
        out.append(contentsOf: Array(">>".utf8))
    }

    static func == (lhs: PDFDictionary, rhs: PDFDictionary) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Number formatting without locale or exponent: PDF readers accept only plain decimals.
enum PDFNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = Int((value * 1000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = magnitude / 1000
        var fraction = String(magnitude % 1000)
        if fraction == "0" { return sign + String(whole) }
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + "." + fraction
    }

    static func hex2(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
