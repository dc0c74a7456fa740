/// The standard 14 fonts we use. Readers supply them, so nothing is embedded; text is measured with
/// the fonts' published AFM widths so wrapping matches what the reader draws.
public enum StandardFont: String, Sendable, CaseIterable {
    case helvetica = "Helvetica"
    case helveticaBold = "Helvetica-Bold"
    case courier = "Courier"
    case courierBold = "Courier-Bold"

    /// The resource name pages use for the font (`/F1 10 Tf`).
    var resourceName: String {
        switch self {
        case .helvetica: "F1"
        case .helveticaBold: "F2"
        case .courier: "F3"
        case .courierBold: "F4"
        }
    }

    /// Advance width of a WinAnsi byte, in 1/1000 em.
    func width(of byte: UInt8) -> Int {
        switch self {
        case .courier, .courierBold:
            return 600
        case .helvetica, .helveticaBold:
            guard byte >= 32 else { return 0 }
            let table = self == .helvetica ? StandardFont.helveticaWidths : StandardFont.helveticaBoldWidths
            let width = Int(table[Int(byte) - 32])
            // Unused codes draw as the "?" we would have written anyway.
            return width == 0 ? Int(table[Int(UInt8(ascii: "?")) - 32]) : width
        }
    }

    /// Width in points of text at a size.
    public func width(of text: String, size: Double) -> Double {
        width(ofEncoded: WinAnsi.encode(text), size: size)
    }

    func width(ofEncoded bytes: [UInt8], size: Double) -> Double {
        Double(bytes.reduce(0) { $0 + width(of: $1) }) * size / 1000
    }
}
