/// Deterministic hashing for the generated world. Swift's `Hasher` is seeded per process, so the
/// world uses SplitMix64 finalisers instead: the same seed gives the same world on every run.
enum WorldHash {
    /// SplitMix64's finaliser: a cheap, well-mixed 64-bit permutation.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A hash of `value` for one purpose (`salt`) under `seed`.
    @inline(__always)
    static func hash(_ seed: UInt64, _ salt: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed ^ mix(salt &* 0xD6E8_FEB8_6659_FD93 ^ mix(value)))
    }

    /// FNV-1a over a string's UTF-8, for keys such as PONs.
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// A value in `range` drawn from `hash` (uniform enough for a simulator).
    @inline(__always)
    static func pick(_ hash: UInt64, in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(hash % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `perMille` / 1000.
    @inline(__always)
    static func chance(_ hash: UInt64, perMille: Int) -> Bool {
        Int(hash % 1000) < perMille
    }
}

/// Purposes of world hashes, so no two draws share a stream.
enum Salt: UInt64 {
    case carrier = 1, rateCenter, rateCenterSupported, accountLayout, disconnected, pendingPort
    case pendingOrder, features, subscriberType, firstName, lastName, business, street, houseNumber
    case unit, city, zip, accountNumber, pin, hasPIN, respOrg, respOrgStatus, delay, respOrgAnswer
    case orderId, fault, state
}
