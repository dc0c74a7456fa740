/// Where the signature goes: the box for the drawn image and the "Date signed" line.
public struct LOASignatureAnchor: Sendable, Codable, Equatable {
    public var pageIndex: Int
    public var boxX: Double
    public var boxY: Double
    public var boxWidth: Double
    public var boxHeight: Double
    public var dateX: Double
    public var dateY: Double
}

/// What signing needs to know about an unsigned LOA besides its bytes.
public struct LOALayout: Sendable, Codable, Equatable {
    public var pdf: PDFLayout
    public var requestID: String
    public var pageCount: Int
    public var signature: LOASignatureAnchor
}

/// An unsigned LOA: the PDF bytes and their layout. Store both (or the content and creation date:
/// rendering is deterministic, so rendering again gives the same bytes).
public struct RenderedLOA: Sendable, Equatable {
    public let bytes: [UInt8]
    public let layout: LOALayout

    /// SHA-256 of `bytes`, lowercase hex.
    public var sha256: String { DocumentHash.sha256(bytes) }

    init(uncheckedBytes bytes: [UInt8], layout: LOALayout) {
        self.bytes = bytes
        self.layout = layout
    }

    /// Rebuilds from stored bytes and layout, refusing a layout that belongs to other bytes.
    public init(bytes: [UInt8], layout: LOALayout) throws(LOAError) {
        let tail = Array("startxref\n\(layout.pdf.startxref)\n%%EOF\n".utf8)
        guard bytes.count > tail.count, Array(bytes.suffix(tail.count)) == tail else {
            throw .layoutMismatch("the file does not end with startxref \(layout.pdf.startxref)")
        }
        guard layout.pdf.pageIDs.count == layout.pageCount, layout.signature.pageIndex < layout.pageCount else {
            throw .layoutMismatch("page count \(layout.pageCount) and page objects disagree")
        }
        self.bytes = bytes
        self.layout = layout
    }
}
