/// Why a drawn signature image was refused. Each description names the rule it broke, so the page
/// can show it as is.
public enum SignatureImageError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case notAPNG
    case notADataURL
    case invalidBase64
    case truncated(chunk: String)
    case badCRC(chunk: String)
    case missingHeader
    case dimensionsOutOfRange(width: Int, height: Int, maxWidth: Int, maxHeight: Int)
    case unsupportedFormat(colorType: Int, bitDepth: Int)
    case interlaced
    case invalidHeader(String)
    case missingImageData
    case corruptImageData(String)
    case badFilter(type: Int, row: Int)

    public var description: String {
        switch self {
        case .empty:
            "signature image: the image is empty; draw your signature before signing"
        case .tooLarge(let bytes, let limit):
            "signature image: \(bytes) bytes is over the \(limit / 1024) KB limit"
        case .notAPNG:
            "signature image: not a PNG file (it must start with the PNG signature)"
        case .notADataURL:
            "signature image: expected a data:image/png;base64 URL"
        case .invalidBase64:
            "signature image: the data URL is not valid base64"
        case .truncated(let chunk):
            "signature image: the file ends inside the \(chunk) chunk (truncated upload)"
        case .badCRC(let chunk):
            "signature image: the \(chunk) chunk fails its CRC check (the file is corrupt)"
        case .missingHeader:
            "signature image: the PNG must begin with an IHDR chunk"
        case .dimensionsOutOfRange(let width, let height, let maxWidth, let maxHeight):
            "signature image: \(width)x\(height) pixels is outside 1x1 to \(maxWidth)x\(maxHeight)"
        case .unsupportedFormat(let colorType, let bitDepth):
            "signature image: color type \(colorType) at \(bitDepth) bits is not supported (use 8-bit grayscale, RGB or RGBA, as a browser canvas produces)"
        case .interlaced:
            "signature image: interlaced PNGs are not supported (a browser canvas never produces them)"
        case .invalidHeader(let detail):
            "signature image: invalid IHDR (\(detail))"
        case .missingImageData:
            "signature image: the PNG has no IDAT image data"
        case .corruptImageData(let detail):
            "signature image: the image data does not decompress (\(detail))"
        case .badFilter(let type, let row):
            "signature image: row \(row) uses unknown filter type \(type) (PNG defines 0-4)"
        }
    }
}
