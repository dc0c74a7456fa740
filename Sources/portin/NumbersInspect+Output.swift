import PortInCore

/// Constant byte strings for the JSON and table output.
enum InspectText {
    static let reasons: [InvalidNumberReason: [UInt8]] = Dictionary(
        uniqueKeysWithValues: InvalidNumberReason.allCases.map { ($0, Array($0.rawValue.utf8)) })
    static let types: [NumberType: [UInt8]] = Dictionary(
        uniqueKeysWithValues: NumberType.allCases.map { ($0, Array($0.rawValue.utf8)) })
    static let geographic = types[.geographic]!
}

/// One JSON object per line, written by hand (no Foundation encoder per line).
final class JSONLinesSink: InspectionSink {
    private let out: BufferedWriter
    /// Region names as bytes, by region index.
    private let regionNames = PhoneNumberClassifier.regionNames.map { Array($0.utf8) }

    init(_ out: BufferedWriter) { self.out = out }

    func emit(input: UnsafeBufferPointer<UInt8>, _ result: PhoneNumberClassifier.Classification) throws {
        out.append(#"{"input":""#)
        JSONText.appendEscaped(input, to: out)
        out.append(#"","e164":"#)
        if result.isValid {
            out.append(UInt8(ascii: "\""))
            result.withE164Bytes { out.append($0) }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append("null")
        }
        if result.isValid {
            out.append(#","valid":true,"reason":"#)
        } else {
            out.append(#","valid":false,"reason":"#)
        }
        appendQuoted(result.reason.flatMap { InspectText.reasons[$0] })
        out.append(#","country":"#)
        appendQuoted(regionName(result.regionIndex))
        out.append(#","type":"#)
        // Most numbers are geographic: skip the dictionary for them.
        appendQuoted(!result.isValid ? nil : result.type == .geographic ? InspectText.geographic
                     : result.type.flatMap { InspectText.types[$0] })
        out.append(#","area_code":"#)
        if let area = result.areaCode {
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: "0") + UInt8(area / 100))
            out.append(UInt8(ascii: "0") + UInt8(area / 10 % 10))
            out.append(UInt8(ascii: "0") + UInt8(area % 10))
            out.append(UInt8(ascii: "\""))
        } else {
            out.append("null")
        }
        out.append("}\n")
        try out.flushIfFull()
    }

    func finish() throws {}

    private func appendQuoted(_ bytes: [UInt8]?) {
        guard let bytes else { return out.append("null") }
        out.append(UInt8(ascii: "\""))
        out.append(bytes)
        out.append(UInt8(ascii: "\""))
    }

    private func regionName(_ index: UInt16) -> [UInt8]? {
        index == PhoneNumberClassifier.noRegion ? nil : regionNames[Int(index)]
    }
}

enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `bytes` as the inside of a JSON string: quotes, backslashes and control characters escaped,
    /// invalid UTF-8 replaced by U+FFFD so the output is always valid JSON.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: BufferedWriter) {
        if bytes.contains(where: { $0 >= 0x80 }) {
            var repaired = String(decoding: bytes, as: UTF8.self)
            repaired.makeContiguousUTF8()
            repaired.utf8.withContiguousStorageIfAvailable { escapeASCIIControls($0, to: out) }
        } else {
            escapeASCIIControls(bytes, to: out)
        }
    }

    private static func escapeASCIIControls(_ bytes: UnsafeBufferPointer<UInt8>, to out: BufferedWriter) {
        // Typical input needs no escaping: copy it in one go.
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return out.append(bytes)
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                out.append(#"\u00"#)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
    }
}

/// Aligned columns for people. Widths come from the first block of rows so memory stays constant
/// however long stdin is; a later, wider value pushes its row out rather than re-flowing the table.
final class TableSink: InspectionSink {
    static let headers = ["INPUT", "E164", "VALID", "REASON", "COUNTRY", "TYPE", "AREA"]
    static let blockSize = 1024
    private let out: BufferedWriter
    private var pending: [[String]] = []
    private var widths: [Int]?

    init(_ out: BufferedWriter) { self.out = out }

    func emit(input: UnsafeBufferPointer<UInt8>, _ result: PhoneNumberClassifier.Classification) throws {
        // Control characters would break the columns; show them as "?".
        let shown = String(decoding: input, as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        pending.append([
            shown,
            result.isValid ? result.e164 : "-",
            result.isValid ? "yes" : "no",
            result.reason?.rawValue ?? "-",
            result.region ?? "-",
            result.isValid ? (result.type?.rawValue ?? "-") : "-",
            result.areaCode.map { String($0) } ?? "-",
        ])
        if pending.count >= Self.blockSize { try writePending() }
    }

    func finish() throws { try writePending() }

    private func writePending() throws {
        if widths == nil {
            widths = Self.headers.indices.map { column in
                pending.reduce(Self.headers[column].count) { max($0, $1[column].count) }
            }
            write(row: Self.headers)
        }
        for row in pending { write(row: row) }
        pending.removeAll(keepingCapacity: true)
        try out.flushIfFull()
    }

    private func write(row: [String]) {
        let widths = self.widths!
        var line = ""
        for (column, value) in row.enumerated() {
            if column == row.count - 1 {
                line += value
            } else {
                line += value + String(repeating: " ", count: max(0, widths[column] - value.count)) + "  "
            }
        }
        out.appendString(line + "\n")
    }
}
