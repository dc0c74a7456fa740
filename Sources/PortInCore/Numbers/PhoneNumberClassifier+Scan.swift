extension PhoneNumberClassifier {
    /// One pass over the typed bytes: collects the digits and notes what else was there.
    struct Scan {
        var digits: UInt64 = 0
        var digitCount = 0
        var plus = false
        var hasLetters = false
        var hasExtension = false
        var badCharacter = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0, end = bytes.count
            while start < end, Self.isSpace(bytes[start]) { start += 1 }
            while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
            var isTelURI = false
            if end - start >= 4, bytes[start] | 0x20 == UInt8(ascii: "t"), bytes[start + 1] | 0x20 == UInt8(ascii: "e"),
               bytes[start + 2] | 0x20 == UInt8(ascii: "l"), bytes[start + 3] == UInt8(ascii: ":") {
                isTelURI = true
                start += 4
            }
            var i = start
            scan: while i < end {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if digitCount < PhoneNumberClassifier.maxKeptDigits + 1 {
                        digits = digits &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
                    }
                    digitCount += 1
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
                     UInt8(ascii: ")"), UInt8(ascii: "\t"):
                    break
                case UInt8(ascii: "("):
                    // "+44 (0)20 ...": the bracketed trunk 0 is not dialled from abroad.
                    if plus, digitCount > 0, i + 2 < end, bytes[i + 1] == UInt8(ascii: "0"),
                       bytes[i + 2] == UInt8(ascii: ")") {
                        i += 3
                        continue scan
                    }
                case UInt8(ascii: "+"):
                    if digitCount == 0, !plus { plus = true } else { badCharacter = true }
                case UInt8(ascii: ";"):
                    // tel: URI parameters; only ";ext=" changes the meaning.
                    if Self.hasPrefix(bytes, at: i + 1, end: end, "ext=") {
                        hasExtension = true
                    } else if !isTelURI {
                        badCharacter = true
                    }
                    break scan
                case UInt8(ascii: "#"), UInt8(ascii: ","):
                    // "#123" and dialler pauses ",,123" introduce an extension once there is a number.
                    if digitCount > 0 { hasExtension = true } else { badCharacter = true }
                    break scan
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    if digitCount > 0, Self.extensionMarkerEnd(bytes, at: i, end: end) != nil {
                        hasExtension = true
                        break scan
                    }
                    hasLetters = true
                case 0xC2 where i + 1 < end && bytes[i + 1] == 0xA0:
                    i += 2  // no-break space
                    continue scan
                case 0xE2 where i + 2 < end && Self.isUnicodeSeparator(bytes[i + 1], bytes[i + 2]):
                    i += 3  // dashes, thin and narrow spaces, minus sign
                    continue scan
                default:
                    badCharacter = true
                }
                i += 1
            }
        }

        @inline(__always)
        static func isSpace(_ b: UInt8) -> Bool {
            b == UInt8(ascii: " ") || (b >= 0x09 && b <= 0x0D)
        }

        /// U+2000...U+200B spaces, U+2010...U+2015 dashes, U+202F narrow no-break space, U+2212 minus.
        static func isUnicodeSeparator(_ b1: UInt8, _ b2: UInt8) -> Bool {
            (b1 == 0x80 && ((0x80...0x8B).contains(b2) || (0x90...0x95).contains(b2) || b2 == 0xAF))
                || (b1 == 0x88 && b2 == 0x92)
        }

        static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int,
                              _ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end - start >= count else { return false }
            let w = word.utf8Start
            for k in 0..<count where bytes[start + k] | 0x20 != w[k] | 0x20 { return false }
            return true
        }

        /// If an extension marker (`x`, `ext`, `ext.`, `extn`, `extension`, `ext:`) starts at `start`
        /// and digits follow, where those digits start.
        static func extensionMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int? {
            var j = start
            while j < end, (bytes[j] | 0x20) >= UInt8(ascii: "a"), (bytes[j] | 0x20) <= UInt8(ascii: "z") { j += 1 }
            let length = j - start
            let isMarker = (length == 1 && bytes[start] | 0x20 == UInt8(ascii: "x"))
                || (length == 3 && hasPrefix(bytes, at: start, end: end, "ext"))
                || (length == 4 && hasPrefix(bytes, at: start, end: end, "extn"))
                || (length == 9 && hasPrefix(bytes, at: start, end: end, "extension"))
            guard isMarker else { return nil }
            while j < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ":")
                || bytes[j] == UInt8(ascii: "=") || isSpace(bytes[j]) { j += 1 }
            guard j < end, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") else { return nil }
            return j
        }
    }
}
