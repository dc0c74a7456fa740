import Foundation

/// A decoded, bounded raster image ready to embed in a PDF: 8-bit gray or RGB samples plus an
/// optional 8-bit alpha plane (written as the image's /SMask).
public struct SignatureImage: Sendable, Equatable {
    public enum ColorSpace: Sendable, Equatable {
        case gray
        case rgb

        var components: Int { self == .gray ? 1 : 3 }
    }

    public let width: Int
    public let height: Int
    public let colorSpace: ColorSpace
    /// Row-major samples, `components` bytes per pixel.
    public let samples: [UInt8]
    /// One byte per pixel, or nil when the image is opaque.
    public let alpha: [UInt8]?

    public init(width: Int, height: Int, colorSpace: ColorSpace, samples: [UInt8], alpha: [UInt8]?) {
        precondition(samples.count == width * height * colorSpace.components, "sample count must match the size")
        precondition(alpha.map { $0.count == width * height } ?? true, "alpha must have one byte per pixel")
        self.width = width
        self.height = height
        self.colorSpace = colorSpace
        self.samples = samples
        self.alpha = alpha
    }

    /// The limits a drawn signature must respect.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxWidth: Int
        public var maxHeight: Int

        public init(maxBytes: Int = 512 * 1024, maxWidth: Int = 2000, maxHeight: Int = 1000) {
            self.maxBytes = maxBytes
            self.maxWidth = maxWidth
            self.maxHeight = maxHeight
        }

        public static let signature = Limits()
    }

    /// Decodes what a browser sends from `canvas.toDataURL()`: `data:image/png;base64,...`.
    public static func decodePNG(dataURL: String, limits: Limits = .signature) throws(SignatureImageError) -> SignatureImage {
        let prefix = "data:image/png;base64,"
        guard dataURL.hasPrefix(prefix) else { throw .notADataURL }
        let payload = dataURL.dropFirst(prefix.count)
        // Base64 is 4/3 of the bytes: refuse oversized input before decoding it.
        guard payload.utf8.count / 4 * 3 <= limits.maxBytes + 3 else {
            throw .tooLarge(bytes: payload.utf8.count / 4 * 3, limit: limits.maxBytes)
        }
        guard let data = Data(base64Encoded: String(payload)) else { throw .invalidBase64 }
        return try decodePNG(Array(data), limits: limits)
    }
}
