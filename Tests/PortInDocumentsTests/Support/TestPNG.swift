import Foundation
@testable import PortInDocuments

/// A minimal PNG encoder for tests: chooses the filter of every row, so each of the five filter
/// types can be exercised, and can write deliberately broken files.
enum TestPNG {
    static func encode(width: Int, height: Int, colorType: UInt8, bitDepth: UInt8 = 8, interlace: UInt8 = 0,
                       pixels: [UInt8], filter: (Int) -> UInt8 = { _ in 0 }) -> [UInt8] {
        let channels = [0: 1, 2: 3, 4: 2, 6: 4][Int(colorType)] ?? 1
        let stride = width * channels
        var raw: [UInt8] = []
        for row in 0..<height {
            let type = filter(row)
            raw.append(type)
            for i in 0..<stride {
                let x = Int(pixels[row * stride + i])
                let a = i >= channels ? Int(pixels[row * stride + i - channels]) : 0
                let b = row > 0 ? Int(pixels[(row - 1) * stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(pixels[(row - 1) * stride + i - channels]) : 0
                let predicted: Int
                switch type {
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predicted = 0
                }
                raw.append(UInt8((x - predicted) & 0xFF))
            }
        }
        var header: [UInt8] = []
        header += be32(width) + be32(height) + [bitDepth, colorType, 0, 0, interlace]
        return SignatureImage.pngSignature + chunk("IHDR", header) + chunk("IDAT", Deflate.zlibCompress(raw)) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(data.count) + body + be32(Int(Checksum.crc32(body)))
    }

    static func be32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// An RGBA "handwriting" stroke on a transparent background, like a canvas signature.
    static func signaturePixels(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for x in 0..<width {
            let phase = Double(x) / Double(width) * 6.0 * Double.pi
            let center = Double(height) / 2 + sin(phase) * Double(height) / 3
            for dy in -2...2 {
                let y = Int(center) + dy
                guard y >= 0, y < height else { continue }
                let i = (y * width + x) * 4
                pixels[i] = 20
                pixels[i + 1] = 40
                pixels[i + 2] = UInt8(120 + x % 100)
                pixels[i + 3] = dy == 0 ? 255 : 160
            }
        }
        return pixels
    }
}
