import Foundation

/// Identifiers: a type prefix plus a ULID-like body (48-bit millisecond time, 80 random bits,
/// Crockford base32), so ids sort roughly by creation and tell what they name in logs.
public enum StoreID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new id such as `pr_01HZX...`.
    public static func make(_ prefix: String, at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(prefix, at: date, using: &generator)
    }

    /// A new id drawing its random part from `generator`.
    public static func make(_ prefix: String, at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let millis = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        var out = [UInt8]()
        out.reserveCapacity(26)
        // 10 characters of time (50 bits, top 2 always zero for 48-bit time).
        for shift in stride(from: 45, through: 0, by: -5) {
            out.append(alphabet[Int((millis >> UInt64(shift)) & 31)])
        }
        let high = UInt64.random(in: 0...UInt64.max, using: &generator)
        let low = UInt64.random(in: 0...UInt64.max, using: &generator)
        // 16 characters of randomness (80 bits: 64 + 16).
        for shift in stride(from: 55, through: 0, by: -5) {
            out.append(alphabet[Int((high >> UInt64(shift)) & 31)])
        }
        for shift in stride(from: 15, through: 0, by: -5) {
            out.append(alphabet[Int((low >> UInt64(shift)) & 31)])
        }
        return prefix + "_" + String(decoding: out, as: UTF8.self)
    }
}
