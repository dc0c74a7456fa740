/// The fast path behind `PhoneNumber.parse`: reads a number as people type it, straight from UTF-8
/// bytes, with table lookups only (no allocation), and says whether it is valid and what it is.
public enum PhoneNumberClassifier {
    /// The verdict on one input. Digits are kept as an integer so the result needs no storage.
    public struct Classification: Sendable, Hashable {
        /// Whether the input is a valid, dialable number.
        public var isValid: Bool
        /// Why not, when it is not valid.
        public var reason: InvalidNumberReason?
        /// The country calling code, 0 when none could be read.
        public var countryCallingCode: Int
        /// Index into the region names (`regionName`), `noRegion` when none applies.
        public var regionIndex: UInt16
        /// The number type; nil when not valid.
        public var type: NumberType?
        /// The E.164 digits (country code + national number) as an integer; meaningful when `digitCount > 0`.
        public var e164Digits: UInt64
        /// How many digits `e164Digits` has (leading zeros of a national number count).
        public var digitCount: Int
        /// How many of those digits are the country calling code.
        public var countryCodeLength: Int

        static func invalid(_ reason: InvalidNumberReason) -> Classification {
            Classification(isValid: false, reason: reason, countryCallingCode: 0, regionIndex: noRegion,
                           type: nil, e164Digits: 0, digitCount: 0, countryCodeLength: 0)
        }

        /// ISO 3166 alpha-2 region, nil for non-geographic codes or when unknown.
        public var region: String? { CountryCallingCodes.shared.regionName(regionIndex) }

        /// The national significant number as an integer (leading zeros implied by `nationalNumberLength`).
        public var nationalDigits: UInt64 { e164Digits % powerOf10(digitCount - countryCodeLength) }

        /// How many digits the national significant number has.
        public var nationalNumberLength: Int { digitCount - countryCodeLength }

        /// The NANP area code (NPA) of a 10-digit +1 number whose area code is in service, valid or not.
        public var areaCode: Int? {
            guard countryCallingCode == 1, nationalNumberLength == 10,
                  reason != .invalidAreaCode, reason != .unassignedAreaCode else { return nil }
            return Int(nationalDigits / 10_000_000)
        }

        /// Writes "+" and the E.164 digits as ASCII through `write` (up to 16 bytes, no allocation).
        @inlinable
        public func withE164Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
                buffer[0] = UInt8(ascii: "+")
                var value = e164Digits
                var k = digitCount
                while k > 0 {
                    buffer[k] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                    k -= 1
                }
                return try body(UnsafeBufferPointer(rebasing: buffer[0...digitCount]))
            }
        }

        /// "+" followed by the E.164 digits.
        public var e164: String {
            withE164Bytes { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Region index meaning "no ISO region".
    public static let noRegion: UInt16 = CountryCallingCodes.noRegion

    /// All region names; a region index points in here.
    public static var regionNames: [String] { CountryCallingCodes.shared.regionNames }

    /// The ISO 3166 alpha-2 name of a region index, nil for `noRegion`.
    public static func regionName(_ index: UInt16) -> String? {
        CountryCallingCodes.shared.regionName(index)
    }

    /// Classifies a text.
    public static func classify(_ text: String) -> Classification {
        if let result = text.utf8.withContiguousStorageIfAvailable({ classify(utf8: $0) }) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { classify(utf8: $0) }!
    }

    /// Classifies UTF-8 bytes as typed: `(415) 555-2671`, `+44 20 7946 0958`, `tel:+14155552671`, ...
    public static func classify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Classification {
        let scan = Scan(bytes)
        if scan.digitCount == 0 { return .invalid(.notANumber) }
        if scan.badCharacter { return .invalid(.invalidCharacter) }
        if scan.hasLetters { return .invalid(.containsLetters) }
        if scan.hasExtension { return .invalid(.hasExtension) }
        if scan.digitCount > maxKeptDigits { return .invalid(.tooLong) }
        let count = scan.digitCount, digits = scan.digits
        if scan.plus { return international(digits, count: count) }
        // Without "+": 00 and 011 are the international prefixes of most of the world and of NANP.
        if count > 2, digits / powerOf10(count - 2) == 0 {
            return international(digits % powerOf10(count - 2), count: count - 2)
        }
        if count > 11, digits / powerOf10(count - 3) == 11 {
            return international(digits % powerOf10(count - 3), count: count - 3)
        }
        // Anything else is read as a North American number: that is our market.
        if count == 11, digits / powerOf10(10) == 1 { return nanp(digits % powerOf10(10)) }
        if count == 10 { return nanp(digits) }
        return .invalid(count < 10 ? .tooShort : .tooLong)
    }

    /// Most digits an input may have before it is too long without looking further (011 + 15 digits).
    static let maxKeptDigits = 18
}

/// 10^n for 0 <= n <= 19.
@usableFromInline
func powerOf10(_ n: Int) -> UInt64 {
    var result: UInt64 = 1
    for _ in 0..<n { result &*= 10 }
    return result
}
