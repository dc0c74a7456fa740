import Foundation
import PortInCore

/// A hand-written JSON coder for the one large message of the wire, the 20,000-result portability
/// answer: Foundation's generic coders spend ~200 ms each way on its 5 MB, which alone would break
/// the 200 ms budget of a check. Same JSON as `CarrierWire` (sorted keys, nil fields left out);
/// anything this decoder does not expect falls back to `CarrierWire.decoder()`.
public enum PortabilityJSON {
    /// The answer as UTF-8 JSON, byte for byte what `CarrierWire.encoder()` writes.
    public static func encode(_ response: PortabilityCheckResponse) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(response.results.count * 260 + 16)
        out.append(contentsOf: #"{"results":["#.utf8)
        for (i, r) in response.results.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            var first = true
            func key(_ name: String) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: name.utf8)
                out.append(contentsOf: #"":"#.utf8)
            }
            out.append(UInt8(ascii: "{"))
            if let c = r.losingCarrier {
                key("losing_carrier")
                out.append(contentsOf: #"{"line_type":"#.utf8)
                string(c.lineType.rawValue, into: &out)
                out.append(contentsOf: #","name":"#.utf8)
                string(c.name, into: &out)
                if let ocn = c.ocn {
                    out.append(contentsOf: #","ocn":"#.utf8)
                    string(ocn, into: &out)
                }
                out.append(contentsOf: #","spid":"#.utf8)
                string(c.spid, into: &out)
                out.append(UInt8(ascii: "}"))
            }
            key("number"); string(r.number, into: &out)
            if let t = r.numberType { key("number_type"); string(t.rawValue, into: &out) }
            key("pin_required"); out.append(contentsOf: (r.pinRequired ? "true" : "false").utf8)
            key("portable"); out.append(contentsOf: (r.portable ? "true" : "false").utf8)
            if let v = r.rateCenter { key("rate_center"); string(v, into: &out) }
            if let v = r.reason { key("reason"); string(v, into: &out) }
            if let v = r.region { key("region"); string(v, into: &out) }
            if let v = r.respOrg { key("resp_org"); string(v, into: &out) }
            key("simple_port"); out.append(contentsOf: (r.simplePort ? "true" : "false").utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// Escapes as JSONEncoder does with `.withoutEscapingSlashes`.
    private static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Reads an answer; falls back to Foundation for any shape the fast path does not expect.
    public static func decode(_ data: Data) throws -> PortabilityCheckResponse {
        let fast: PortabilityCheckResponse? = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.response()
        }
        if let fast { return fast }
        return try CarrierWire.decoder().decode(PortabilityCheckResponse.self, from: data)
    }

    /// A strict reader of exactly the shapes above; any surprise returns nil (then Foundation decides).
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func response() -> PortabilityCheckResponse? {
            guard expect("{"), let k = key(), k == "results", expect("["), let results = array(element: { $0.result() }),
                  expect("}") else { return nil }
            skipSpace()
            return i == bytes.count ? PortabilityCheckResponse(results: results) : nil
        }

        mutating func result() -> PortabilityResult? {
            guard expect("{") else { return nil }
            var r = PortabilityResult(number: "", portable: false)
            var sawNumber = false, sawPortable = false
            if peek("}") { return nil }
            repeat {
                guard let k = key() else { return nil }
                switch k {
                case "number": guard let v = string() else { return nil }; r.number = v; sawNumber = true
                case "portable": guard let v = bool() else { return nil }; r.portable = v; sawPortable = true
                case "pin_required": guard let v = bool() else { return nil }; r.pinRequired = v
                case "simple_port": guard let v = bool() else { return nil }; r.simplePort = v
                case "reason": guard let v = string() else { return nil }; r.reason = v
                case "rate_center": guard let v = string() else { return nil }; r.rateCenter = v
                case "region": guard let v = string() else { return nil }; r.region = v
                case "resp_org": guard let v = string() else { return nil }; r.respOrg = v
                case "number_type": guard let v = string(), let t = NumberType(rawValue: v) else { return nil }; r.numberType = t
                case "losing_carrier": guard let c = identity() else { return nil }; r.losingCarrier = c
                default: return nil
                }
            } while comma()
            guard expect("}"), sawNumber, sawPortable else { return nil }
            return r
        }

        mutating func identity() -> CarrierIdentity? {
            guard expect("{") else { return nil }
            var name: String?, spid: String?, ocn: String?, line: LineType?
            repeat {
                guard let k = key(), let v = string() else { return nil }
                switch k {
                case "name": name = v
                case "spid": spid = v
                case "ocn": ocn = v
                case "line_type": guard let t = LineType(rawValue: v) else { return nil }; line = t
                default: return nil
                }
            } while comma()
            guard expect("}"), let name, let spid, let line else { return nil }
            return CarrierIdentity(name: name, spid: spid, ocn: ocn, lineType: line)
        }

        mutating func array<T>(element: (inout Reader) -> T?) -> [T]? {
            var out: [T] = []
            if peek("]") { i += 1; return out }
            repeat {
                guard let e = element(&self) else { return nil }
                out.append(e)
            } while comma()
            return expect("]") ? out : nil
        }

        mutating func key() -> String? {
            guard let k = string(), expect(":") else { return nil }
            return k
        }

        /// A string without escapes or control characters; anything else goes to the slow path.
        mutating func string() -> String? {
            guard expect("\"") else { return nil }
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    defer { i += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        mutating func bool() -> Bool? {
            skipSpace()
            if match("true") { return true }
            if match("false") { return false }
            return nil
        }

        mutating func match(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func comma() -> Bool {
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; return true }
            return false
        }

        mutating func peek(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            return i < bytes.count && bytes[i] == UInt8(ascii: c)
        }

        mutating func expect(_ c: Unicode.Scalar) -> Bool {
            guard peek(c) else { return false }
            i += 1
            return true
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
    }
}
