import Foundation
import Synchronization

/// Identifiers: a type prefix plus a ULID-like body (48-bit millisecond time, 80 random bits,
/// Crockford base32), so ids sort roughly by creation and tell what they name in logs.
public enum StoreID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The last (millisecond, random) pair handed out by `make(_:at:)`.
    private static let last = Mutex<(millis: UInt64, high: UInt64, low: UInt64)>((0, 0, 0))

    /// A new id such as `pr_01HZX...`. Monotonic within this process: ids made in the same
    /// millisecond (or with a clock that stood still or went back) increase, so rows written in
    /// one instant still list in the order they were written.
    public static func make(_ prefix: String, at date: Date = Date()) -> String {
        let millis = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        let (time, high, low) = last.withLock { last -> (UInt64, UInt64, UInt64) in
            if millis > last.millis {
                var generator = SystemRandomNumberGenerator()
                // Leave headroom so increments within one millisecond never wrap.
                last = (millis, UInt64.random(in: 0...(UInt64.max >> 1), using: &generator),
                        UInt64.random(in: 0...0x7FFF, using: &generator))
            } else {
                last.low += 1
                if last.low > 0xFFFF { last.low = 0; last.high &+= 1 }
            }
            return (last.millis, last.high, last.low)
        }
        return encode(prefix, millis: time, high: high, low: low)
    }

    /// A new id drawing its random part from `generator`.
    public static func make(_ prefix: String, at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let millis = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        let high = UInt64.random(in: 0...UInt64.max, using: &generator)
        let low = UInt64.random(in: 0...UInt64.max, using: &generator)
        return encode(prefix, millis: millis, high: high, low: low)
    }

    /// Crockford base32 of 48 bits of time and 80 bits of `high` (64) and `low` (its 16 low bits).
    static func encode(_ prefix: String, millis: UInt64, high: UInt64, low: UInt64) -> String {
        var out = [UInt8]()
        out.reserveCapacity(26)
        // 10 characters of time (50 bits, top 2 always zero for 48-bit time).
        for shift in stride(from: 45, through: 0, by: -5) {
            out.append(alphabet[Int((millis >> UInt64(shift)) & 31)])
        }
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
