/// A PNG decoder for drawn signatures (ISO/IEC 15948): the content is checked, not the file name or
/// the declared type. Accepts non-interlaced 8-bit grayscale, RGB, gray+alpha and RGBA, which covers
/// every PNG a browser canvas writes; verifies every chunk's CRC, bounds the file size and the
/// dimensions before inflating, and inflates with an exact output limit.
extension SignatureImage {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func decodePNG(_ bytes: [UInt8], limits: Limits = .signature) throws(SignatureImageError) -> SignatureImage {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        guard bytes.count >= 8, Array(bytes[0..<8]) == pngSignature else { throw .notAPNG }

        var header: (width: Int, height: Int, colorType: Int)?
        var compressed: [UInt8] = []
        var position = 8
        var sawEnd = false
        while !sawEnd {
            guard position + 8 <= bytes.count else { throw .truncated(chunk: header == nil ? "IHDR" : "IEND") }
            let length = Int(readUInt32(bytes, at: position))
            let typeBytes = Array(bytes[(position + 4)..<(position + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count, position + 12 + length <= bytes.count else { throw .truncated(chunk: type) }
            let dataRange = (position + 8)..<(position + 8 + length)
            let storedCRC = readUInt32(bytes, at: position + 8 + length)
            guard Checksum.crc32(bytes[(position + 4)..<(position + 8 + length)]) == storedCRC else {
                throw .badCRC(chunk: type)
            }
            position += 12 + length

            if header == nil && type != "IHDR" { throw .missingHeader }
            switch type {
            case "IHDR":
                guard header == nil else { throw .invalidHeader("more than one IHDR") }
                header = try readHeader(Array(bytes[dataRange]), limits: limits)
            case "IDAT":
                compressed.append(contentsOf: bytes[dataRange])
            case "IEND":
                sawEnd = true
            case "PLTE":
                continue  // a suggested palette for truecolor images; we use the samples themselves
            default:
                // Bit 5 of the first type byte clear = critical: a chunk we must understand and don't.
                if typeBytes[0] & 0x20 == 0 { throw .invalidHeader("unknown critical chunk \(type)") }
            }
        }
        guard let header else { throw .missingHeader }
        guard !compressed.isEmpty else { throw .missingImageData }

        let channels = header.colorType == 0 ? 1 : header.colorType == 2 ? 3 : header.colorType == 4 ? 2 : 4
        let stride = header.width * channels
        let expected = header.height * (stride + 1)
        let raw: [UInt8]
        do {
            raw = try Inflater.zlibDecompress(compressed, limit: expected)
        } catch {
            throw .corruptImageData(String(describing: error))
        }
        guard raw.count == expected else {
            throw .corruptImageData("\(raw.count) bytes where \(expected) were expected")
        }
        let pixels = try unfilter(raw, width: header.width, height: header.height, channels: channels)
        return split(pixels, width: header.width, height: header.height, colorType: header.colorType)
    }

    private static func readUInt32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
    }

    private static func readHeader(_ data: [UInt8], limits: Limits) throws(SignatureImageError) -> (width: Int, height: Int, colorType: Int) {
        guard data.count == 13 else { throw .invalidHeader("length \(data.count), expected 13") }
        let width = Int(readUInt32(data, at: 0))
        let height = Int(readUInt32(data, at: 4))
        let bitDepth = Int(data[8]), colorType = Int(data[9])
        guard (1...limits.maxWidth).contains(width), (1...limits.maxHeight).contains(height) else {
            throw .dimensionsOutOfRange(width: width, height: height, maxWidth: limits.maxWidth, maxHeight: limits.maxHeight)
        }
        guard bitDepth == 8, [0, 2, 4, 6].contains(colorType) else {
            throw .unsupportedFormat(colorType: colorType, bitDepth: bitDepth)
        }
        guard data[10] == 0 else { throw .invalidHeader("compression method \(data[10]), expected 0") }
        guard data[11] == 0 else { throw .invalidHeader("filter method \(data[11]), expected 0") }
        guard data[12] == 0 else {
            if data[12] == 1 { throw .interlaced }
            throw .invalidHeader("interlace method \(data[12])")
        }
        return (width, height, colorType)
    }

    /// Reverses the per-row filters (PNG §9.2): None, Sub, Up, Average, Paeth.
    static func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws(SignatureImageError) -> [UInt8] {
        let stride = width * channels
        var out = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = Int(raw[row * (stride + 1)])
            let source = row * (stride + 1) + 1
            let target = row * stride
            for i in 0..<stride {
                let x = Int(raw[source + i])
                let a = i >= channels ? Int(out[target + i - channels]) : 0
                let b = row > 0 ? Int(out[target - stride + i]) : 0
                let c = (row > 0 && i >= channels) ? Int(out[target - stride + i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4: predicted = paeth(a, b, c)
                default: throw .badFilter(type: filter, row: row)
                }
                out[target + i] = UInt8((x + predicted) & 0xFF)
            }
        }
        return out
    }

    static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func split(_ pixels: [UInt8], width: Int, height: Int, colorType: Int) -> SignatureImage {
        switch colorType {
        case 0: return SignatureImage(width: width, height: height, colorSpace: .gray, samples: pixels, alpha: nil)
        case 2: return SignatureImage(width: width, height: height, colorSpace: .rgb, samples: pixels, alpha: nil)
        default:
            let color = colorType == 4 ? 1 : 3
            var samples: [UInt8] = []
            var alpha: [UInt8] = []
            samples.reserveCapacity(width * height * color)
            alpha.reserveCapacity(width * height)
            var i = 0
            while i < pixels.count {
                samples.append(contentsOf: pixels[i..<(i + color)])
                alpha.append(pixels[i + color])
                i += color + 1
            }
            return SignatureImage(width: width, height: height, colorSpace: color == 1 ? .gray : .rgb,
                                  samples: samples, alpha: alpha)
        }
    }
}
