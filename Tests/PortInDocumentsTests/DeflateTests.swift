import Testing
@testable import PortInDocuments

/// A small deterministic generator, so "random" inputs are the same on every run.
struct SeededBytes {
    var state: UInt64

    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in next() } }
}

/// Inputs by name (the names are the test arguments, so the log stays short).
private func sampleInput(_ name: String) -> [UInt8] {
    var random = SeededBytes(state: 42)
    let text = Array((0..<2000).map { "BT /F1 10 Tf 54 \($0) Td (+1217522\(1000 + $0)) Tj ET\n" }.joined().utf8)
    switch name {
    case "empty": return []
    case "one byte": return [0x41]
    case "short text": return Array("(Hello, World!)".utf8)
    case "long run": return [UInt8](repeating: 0, count: 100_000)
    case "content stream": return text
    case "random": return random.bytes(70_000)
    default: return random.bytes(300) + [UInt8](repeating: 7, count: 1000) + random.bytes(300) + text.prefix(5000)
    }
}

@Test(arguments: ["empty", "one byte", "short text", "long run", "content stream", "random", "mixed"])
func deflateRoundTrips(name: String) throws {
    let input = sampleInput(name)
    let compressed = Deflate.zlibCompress(input)
    let output = try Inflater.zlibDecompress(compressed, limit: input.count)
    #expect(output == input, "\(name) did not survive compress/decompress")
}

@Test func deflateShrinksRepetitiveContentAndStoresIncompressibleData() throws {
    let text = Array(String(repeating: "0 g /F1 10 Tf (+12175221000) Tj\n", count: 500).utf8)
    #expect(Deflate.zlibCompress(text).count < text.count / 10)
    var random = SeededBytes(state: 7)
    let noise = random.bytes(100_000)
    // Stored blocks cost 5 bytes per 65,535 plus the zlib header and checksum.
    #expect(Deflate.zlibCompress(noise).count <= noise.count + 16)
}

/// Python's zlib.compress(data, 9) of the text below: a dynamic-Huffman block, as other encoders
/// (and every PNG from a browser) produce, which our own compressor never writes.
@Test func inflatesAStreamFromZlibWithDynamicHuffmanCodes() throws {
    let hex = "78da95d5b14a03511085e1dea7b8bd203967b2d9c4ce5248e12b08aeb8207b65b9363ebd697f10e14c35cddf7dcc5c973196bdf5f7f6f43d3efabefebc8eb56fed73dd9676786cf7b2e6c93edca67df57d2c6f6df4f672db9eb787bbeb7fb9902bcd8ddc695ec82bcd8fc88f693e219fd2fc84fc94e633f239cdcfc8cf697e417e89d9809d727670a7d89d004f313c419e6279023dc5f4047b8aed09f814e313f429d627f053cc4ff0a7d89fe1cfb13fc39ff3bb077f8efd19fe1cfb33fc39f667f873eccff0e7d89fe1cfb13fc39f637f863fc7fe0afe2af657f057b1bf82bfca1f2ffc55ecafe0af627f057f15fb2bf8abd85fc15fc5fe0afe2af657f0577ff9fb05cc702c0e"
    let bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
        let start = hex.index(hex.startIndex, offsetBy: offset)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
    #expect((bytes[2] >> 1) & 3 == 2, "the fixture must be a dynamic-Huffman block")
    let expected = (0..<40).map { i in
        "Letter of Authorization line \(i): +1217522\(String(repeating: "0", count: 4 - String(i).count))\(i) ported to PortIn.\n"
    }.joined()
    #expect(try Inflater.zlibDecompress(bytes, limit: 10_000) == Array(expected.utf8))
}

@Test func inflateRefusesCorruptOrOversizedStreams() {
    let good = Deflate.zlibCompress(Array(String(repeating: "signature ", count: 200).utf8))
    #expect(throws: InflateError.badZlibHeader) { try Inflater.zlibDecompress([0x12, 0x34] + good.dropFirst(2), limit: 10_000) }
    var badChecksum = good
    badChecksum[badChecksum.count - 1] ^= 0xFF
    #expect(throws: InflateError.checksumMismatch) { try Inflater.zlibDecompress(badChecksum, limit: 10_000) }
    #expect(throws: InflateError.truncated) { try Inflater.zlibDecompress(Array(good.prefix(good.count / 2)), limit: 10_000) }
    // 2,000 bytes out of a few dozen in: the limit stops it before it is all written.
    #expect(throws: InflateError.outputTooLarge(limit: 1000)) { try Inflater.zlibDecompress(good, limit: 1000) }
    #expect(throws: InflateError.invalidBlockType) { try Inflater.zlibDecompress([0x78, 0x9C, 0x07, 0, 0, 0, 0, 0], limit: 100) }
}

@Test func checksumsMatchPublishedValues() {
    // Check values from the CRC-32 and Adler-32 definitions (RFC 1952 and RFC 1950 test vector).
    #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(Checksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    #expect(Checksum.crc32(Array("IEND".utf8)) == 0xAE42_6082)
}
