/// CRC-32 (PNG chunks, ISO 3309) and Adler-32 (zlib streams).
enum Checksum {
    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func adler32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var a: UInt32 = 1, b: UInt32 = 0
        var count = 0
        for byte in bytes {
            a += UInt32(byte)
            b += a
            count += 1
            // 5552 is the most bytes that cannot overflow before the modulo (zlib's NMAX).
            if count == 5552 { a %= 65_521; b %= 65_521; count = 0 }
        }
        return ((b % 65_521) << 16) | (a % 65_521)
    }
}
