/// Why a zlib/DEFLATE stream could not be decoded.
enum InflateError: Error, Equatable, Sendable {
    case badZlibHeader
    case truncated
    case invalidBlockType
    case storedLengthMismatch
    case invalidCode
    case distanceTooFar
    case outputTooLarge(limit: Int)
    case checksumMismatch
}

/// A DEFLATE decoder (RFC 1951) in the style of zlib's `puff.c`: canonical Huffman codes decoded a
/// bit at a time. Small and easy to check; fast enough for signature images, which are bounded and
/// mostly blank. `limit` caps the output so a small "zip bomb" cannot exhaust memory.
struct Inflater {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let limit: Int

    static func zlibDecompress(_ data: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
        guard data.count >= 6 else { throw .truncated }
        let cmf = Int(data[0]), flg = Int(data[1])
        // Method 8 (deflate), window <= 32 KiB, header checksum, no preset dictionary.
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (cmf * 256 + flg) % 31 == 0, flg & 0x20 == 0 else {
            throw .badZlibHeader
        }
        var inflater = Inflater(input: Array(data[2...]), limit: limit)
        try inflater.run()
        let end = 2 + inflater.position
        guard data.count >= end + 4 else { throw .truncated }
        let stored = UInt32(data[end]) << 24 | UInt32(data[end + 1]) << 16 | UInt32(data[end + 2]) << 8 | UInt32(data[end + 3])
        guard stored == Checksum.adler32(inflater.output) else { throw .checksumMismatch }
        return inflater.output
    }

    private init(input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    private mutating func bits(_ need: Int) throws(InflateError) -> Int {
        var value = bitBuffer
        while bitCount < need {
            guard position < input.count else { throw .truncated }
            value |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        bitBuffer = value >> need
        bitCount -= need
        return value & ((1 << need) - 1)
    }

    private mutating func run() throws(InflateError) {
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try codes(Inflater.fixedLengths, Inflater.fixedDistances)
            case 2: try dynamicBlock()
            default: throw .invalidBlockType
            }
        } while last == 0
    }

    private mutating func append(_ byte: UInt8) throws(InflateError) {
        guard output.count < limit else { throw .outputTooLarge(limit: limit) }
        output.append(byte)
    }

    private mutating func storedBlock() throws(InflateError) {
        bitBuffer = 0
        bitCount = 0  // stored blocks start on a byte boundary
        guard position + 4 <= input.count else { throw .truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
        guard position + length <= input.count else { throw .truncated }
        guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
        output.append(contentsOf: input[position..<(position + length)])
        position += length
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) throws(InflateError) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left <<= 1
                left -= counts[length]
                guard left >= 0 else { throw .invalidCode }  // over-subscribed
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private mutating func decode(_ huffman: Huffman) throws(InflateError) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = huffman.counts[length]
            if code - count < first { return huffman.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw .invalidCode
    }

    private mutating func codes(_ lengthCode: Huffman, _ distanceCode: Huffman) throws(InflateError) {
        while true {
            let symbol = try decode(lengthCode)
            if symbol < 256 {
                try append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < 29 else { throw .invalidCode }
                let length = try Deflate.lengthBase[index] + bits(Deflate.lengthExtra[index])
                let distanceSymbol = try decode(distanceCode)
                guard distanceSymbol < 30 else { throw .invalidCode }
                let distance = try Deflate.distanceBase[distanceSymbol] + bits(Deflate.distanceExtra[distanceSymbol])
                guard distance <= output.count else { throw .distanceTooFar }
                guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
                let start = output.count - distance
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }

    private static let fixedLengths: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return try! Huffman(lengths: lengths)  // the RFC's fixed table is complete by construction
    }()
    private static let fixedDistances: Huffman = try! Huffman(lengths: [Int](repeating: 5, count: 30))

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamicBlock() throws(InflateError) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCode }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengths[Inflater.codeLengthOrder[i]] = try bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths)

        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw .invalidCode }
                let repeats = try 3 + bits(2)
                lengths.append(contentsOf: repeatElement(previous, count: repeats))
            case 17:
                let zeros = try 3 + bits(3)
                lengths.append(contentsOf: repeatElement(0, count: zeros))
            default:
                let zeros = try 11 + bits(7)
                lengths.append(contentsOf: repeatElement(0, count: zeros))
            }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else { throw .invalidCode }
        try codes(Huffman(lengths: Array(lengths[0..<literalCount])),
                  Huffman(lengths: Array(lengths[literalCount...])))
    }
}
