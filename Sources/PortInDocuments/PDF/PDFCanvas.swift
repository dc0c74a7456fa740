/// A color for strokes and fills.
public enum PDFColor: Sendable, Equatable {
    case gray(Double)
    case rgb(Double, Double, Double)

    public static let black = PDFColor.gray(0)
}

public struct PDFPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// The drawing on one page, as a content stream (§8, §9). Coordinates are in points from the
/// bottom-left corner. Every operation leaves the graphics state as it found it (q … Q), so
/// streams can be concatenated, as an incremental update does when it draws the signature.
public struct PDFCanvas: Sendable {
    private(set) var operations: [UInt8] = []
    private(set) var imagesUsed: [String] = []

    public init() {}

    /// Draws one line of text at a baseline position. The text is encoded to WinAnsi and escaped.
    public mutating func text(_ text: String, x: Double, y: Double, font: StandardFont, size: Double,
                              color: PDFColor = .black) {
        append("q BT \(fill(color)) /\(font.resourceName) \(n(size)) Tf \(n(x)) \(n(y)) Td ")
        operations.append(contentsOf: PDFString.literal(WinAnsi.encode(text)))
        append(" Tj ET Q\n")
    }

    public mutating func line(from start: PDFPoint, to end: PDFPoint, width: Double = 0.5, color: PDFColor = .black) {
        path([start, end], closed: false, stroke: color, fill: nil, lineWidth: width)
    }

    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double,
                                   stroke: PDFColor? = .black, fill: PDFColor? = nil, lineWidth: Double = 0.5) {
        let paint = paintOperator(stroke: stroke, fill: fill)
        append("q \(styles(stroke: stroke, fill: fill, lineWidth: lineWidth))\(n(x)) \(n(y)) \(n(width)) \(n(height)) re \(paint) Q\n")
    }

    public mutating func path(_ points: [PDFPoint], closed: Bool, stroke: PDFColor? = .black,
                              fill: PDFColor? = nil, lineWidth: Double = 0.5) {
        guard let first = points.first else { return }
        var text = "q \(styles(stroke: stroke, fill: fill, lineWidth: lineWidth))\(n(first.x)) \(n(first.y)) m "
        for point in points.dropFirst() { text += "\(n(point.x)) \(n(point.y)) l " }
        if closed { text += "h " }
        text += paintOperator(stroke: stroke, fill: fill) + " Q\n"
        append(text)
    }

    /// Places an image added to the document, scaled to the given box.
    public mutating func image(_ image: PDFImageName, x: Double, y: Double, width: Double, height: Double) {
        if !imagesUsed.contains(image.name) { imagesUsed.append(image.name) }
        append("q \(n(width)) 0 0 \(n(height)) \(n(x)) \(n(y)) cm /\(image.name) Do Q\n")
    }

    private func paintOperator(stroke: PDFColor?, fill: PDFColor?) -> String {
        switch (stroke != nil, fill != nil) {
        case (true, true): "B"
        case (true, false): "S"
        case (false, true): "f"
        case (false, false): "n"
        }
    }

    private func styles(stroke: PDFColor?, fill: PDFColor?, lineWidth: Double) -> String {
        var text = ""
        if let stroke { text += "\(n(lineWidth)) w \(self.stroke(stroke)) " }
        if let fill { text += "\(self.fill(fill)) " }
        return text
    }

    private func fill(_ color: PDFColor) -> String {
        switch color {
        case .gray(let g): "\(n(g)) g"
        case .rgb(let r, let g, let b): "\(n(r)) \(n(g)) \(n(b)) rg"
        }
    }

    private func stroke(_ color: PDFColor) -> String {
        switch color {
        case .gray(let g): "\(n(g)) G"
        case .rgb(let r, let g, let b): "\(n(r)) \(n(g)) \(n(b)) RG"
        }
    }

    private func n(_ value: Double) -> String { PDFNumber.format(value) }

    private mutating func append(_ text: String) { operations.append(contentsOf: Array(text.utf8)) }
}
