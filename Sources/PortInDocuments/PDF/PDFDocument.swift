import Foundation

/// A handle for an image added to a document, used to place it on pages.
public struct PDFImageName: Sendable, Hashable {
    public let name: String
}

/// Where a written document keeps its objects: what an incremental update needs to add pages and
/// redraw a page without parsing the file. Codable so it can be stored beside the bytes.
public struct PDFLayout: Sendable, Codable, Equatable {
    public var catalogID: Int
    public var pagesID: Int
    public var infoID: Int
    public var fontsID: Int
    public var pageIDs: [Int]
    public var contentIDs: [Int]
    /// The next free object number (the trailer's /Size).
    public var size: Int
    /// Offset of the last cross-reference section (the file's `startxref`).
    public var startxref: Int
    public var title: String
    /// The /Info CreationDate as written (`D:…Z`).
    public var creationDate: String
    public var pageWidth: Double
    public var pageHeight: Double
}

/// A document under construction: pages of drawing in the standard fonts, images, and /Info.
/// `write()` gives PDF 1.4 bytes that are identical for identical input (the creation date is
/// injected, object order is fixed, no random file identifier).
public struct PDFDocument: Sendable {
    public static let letterWidth = 612.0
    public static let letterHeight = 792.0

    public var title: String
    public var creationDate: Date
    public var pageWidth: Double
    public var pageHeight: Double
    private var pages: [PDFCanvas] = []
    private var images: [(name: String, image: SignatureImage)] = []

    public init(title: String, creationDate: Date,
                pageWidth: Double = PDFDocument.letterWidth, pageHeight: Double = PDFDocument.letterHeight) {
        self.title = title
        self.creationDate = creationDate
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
    }

    public var pageCount: Int { pages.count }

    public mutating func add(_ image: SignatureImage) -> PDFImageName {
        let name = "Im\(images.count + 1)"
        images.append((name, image))
        return PDFImageName(name: name)
    }

    public mutating func addPage(_ canvas: PDFCanvas) {
        pages.append(canvas)
    }

    public func write() -> (bytes: [UInt8], layout: PDFLayout) {
        let catalogID = 1, pagesID = 2, infoID = 3, fontsID = 4
        let fontIDs = Dictionary(uniqueKeysWithValues: StandardFont.allCases.enumerated().map { ($1, 5 + $0) })
        var next = 5 + StandardFont.allCases.count
        var imageIDs: [String: Int] = [:]
        var imageObjectIDs: [(image: SignatureImage, id: Int, maskID: Int?)] = []
        for (name, image) in images {
            let maskID = image.alpha == nil ? nil : next + 1
            imageIDs[name] = next
            imageObjectIDs.append((image, next, maskID))
            next += maskID == nil ? 1 : 2
        }
        let pageIDs = pages.indices.map { next + 2 * $0 }
        let contentIDs = pageIDs.map { $0 + 1 }
        next += 2 * pages.count

        var file = PDFFileWriter.newDocument()
        file.write(catalogID, .dict(PDFDictionary([("Type", .name("Catalog")), ("Pages", .ref(pagesID))])))
        file.write(pagesID, PDFObjects.pages(kids: pageIDs))
        let creation = UTCTimestamp(creationDate).pdfDate
        file.write(infoID, PDFObjects.info(title: title, creationDate: creation, extra: []))
        file.write(fontsID, .dict(PDFDictionary(StandardFont.allCases.map { ($0.resourceName, PDFValue.ref(fontIDs[$0]!)) })))
        for font in StandardFont.allCases {
            file.write(fontIDs[font]!, PDFObjects.font(font))
        }
        for entry in imageObjectIDs {
            PDFObjects.writeImage(entry.image, id: entry.id, maskID: entry.maskID, to: &file)
        }
        for (index, canvas) in pages.enumerated() {
            let xObjects = canvas.imagesUsed.map { ($0, PDFValue.ref(imageIDs[$0]!)) }
            file.write(pageIDs[index], PDFObjects.page(parent: pagesID, contents: .ref(contentIDs[index]),
                                                       resources: PDFObjects.resources(fontsID: fontsID, xObjects: xObjects),
                                                       width: pageWidth, height: pageHeight))
            file.writeStream(contentIDs[index], data: canvas.operations)
        }
        let trailer = PDFDictionary([("Size", .int(next)), ("Root", .ref(catalogID)), ("Info", .ref(infoID))])
        let startxref = file.finish(trailer: trailer, isUpdate: false)
        let layout = PDFLayout(catalogID: catalogID, pagesID: pagesID, infoID: infoID, fontsID: fontsID,
                               pageIDs: pageIDs, contentIDs: contentIDs, size: next, startxref: startxref,
                               title: title, creationDate: creation, pageWidth: pageWidth, pageHeight: pageHeight)
        return (file.bytes, layout)
    }
}

/// The object shapes shared by whole documents and incremental updates.
enum PDFObjects {
    static func pages(kids: [Int]) -> PDFValue {
        .dict(PDFDictionary([("Type", .name("Pages")), ("Kids", .array(kids.map { .ref($0) })), ("Count", .int(kids.count))]))
    }

    static func info(title: String, creationDate: String, extra: [(String, PDFValue)]) -> PDFValue {
        var entries: [(String, PDFValue)] = [("Title", .text(title)), ("Producer", .text("PortIn")),
                                             ("CreationDate", .string(Array(creationDate.utf8)))]
        entries += extra
        return .dict(PDFDictionary(entries))
    }

    static func font(_ font: StandardFont) -> PDFValue {
        .dict(PDFDictionary([("Type", .name("Font")), ("Subtype", .name("Type1")),
                             ("BaseFont", .name(font.rawValue)), ("Encoding", .name("WinAnsiEncoding"))]))
    }

    static func resources(fontsID: Int, xObjects: [(String, PDFValue)]) -> PDFDictionary {
        var resources = PDFDictionary([("Font", .ref(fontsID))])
        var procSet: [PDFValue] = [.name("PDF"), .name("Text")]
        if !xObjects.isEmpty {
            resources["XObject"] = .dict(PDFDictionary(xObjects))
            procSet += [.name("ImageB"), .name("ImageC")]
        }
        resources["ProcSet"] = .array(procSet)
        return resources
    }

    static func page(parent: Int, contents: PDFValue, resources: PDFDictionary, width: Double, height: Double) -> PDFValue {
        .dict(PDFDictionary([("Type", .name("Page")), ("Parent", .ref(parent)),
                             ("MediaBox", .array([.int(0), .int(0), .real(width), .real(height)])),
                             ("Resources", .dict(resources)), ("Contents", contents)]))
    }

    /// An image XObject, with its alpha as a DeviceGray soft mask (§11.6.5.3) when it has one.
    static func writeImage(_ image: SignatureImage, id: Int, maskID: Int?, to file: inout PDFFileWriter) {
        var dictionary = PDFDictionary([("Type", .name("XObject")), ("Subtype", .name("Image")),
                                        ("Width", .int(image.width)), ("Height", .int(image.height)),
                                        ("ColorSpace", .name(image.colorSpace == .gray ? "DeviceGray" : "DeviceRGB")),
                                        ("BitsPerComponent", .int(8))])
        if let maskID { dictionary["SMask"] = .ref(maskID) }
        file.writeStream(id, dictionary, data: image.samples)
        if let maskID, let alpha = image.alpha {
            let mask = PDFDictionary([("Type", .name("XObject")), ("Subtype", .name("Image")),
                                      ("Width", .int(image.width)), ("Height", .int(image.height)),
                                      ("ColorSpace", .name("DeviceGray")), ("BitsPerComponent", .int(8))])
            file.writeStream(maskID, mask, data: alpha)
        }
    }
}
