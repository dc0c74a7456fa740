import Foundation

/// Signs an LOA by appending a PDF incremental update (ISO 32000-1 §7.5.6) to the unsigned bytes:
/// the signature page gets a second content stream with the drawn signature and date, and evidence
/// pages are added at the end. Nothing before the update changes, so the unsigned document is a
/// byte-exact prefix of the signed one and anyone can check the recorded SHA-256 by truncating.
public enum LOASigner {
    /// /Info keys recording the prefix, so `verify` needs nothing but the signed file.
    static let lengthKey = "PortInUnsignedLength"
    static let hashKey = "PortInUnsignedSHA256"

    public static func sign(_ unsigned: RenderedLOA, with signature: LOASignature) throws(LOAError) -> SignedLOA {
        let problems = signature.problems
        guard problems.isEmpty else { throw .invalid(problems) }
        let layout = unsigned.layout
        let pdf = layout.pdf
        let unsignedHash = unsigned.sha256
        let signedAt = UTCTimestamp(signature.signedAt)

        var next = pdf.size
        func allocate() -> Int {
            defer { next += 1 }
            return next
        }
        let imageID = allocate()
        let maskID = signature.image.alpha == nil ? nil : allocate()
        let overlayID = allocate()

        let evidence = evidencePages(signature, unsigned: unsigned, signedAt: signedAt, hash: unsignedHash)
        let evidenceIDs = evidence.map { _ in (page: allocate(), content: allocate()) }

        var file = PDFFileWriter.appending(to: unsigned.bytes)
        PDFObjects.writeImage(signature.image, id: imageID, maskID: maskID, to: &file)
        file.writeStream(overlayID, data: overlay(signature, anchor: layout.signature, signedAt: signedAt,
                                                  evidencePage: layout.pageCount + 1).operations)

        // The signature page again, now with both content streams and the image in its resources.
        let anchor = layout.signature
        let signedPage = PDFObjects.page(
            parent: pdf.pagesID,
            contents: .array([.ref(pdf.contentIDs[anchor.pageIndex]), .ref(overlayID)]),
            resources: PDFObjects.resources(fontsID: pdf.fontsID, xObjects: [("Sig", .ref(imageID))]),
            width: pdf.pageWidth, height: pdf.pageHeight)
        file.write(pdf.pageIDs[anchor.pageIndex], signedPage)

        for (canvas, ids) in zip(evidence, evidenceIDs) {
            file.write(ids.page, PDFObjects.page(parent: pdf.pagesID, contents: .ref(ids.content),
                                                 resources: PDFObjects.resources(fontsID: pdf.fontsID, xObjects: []),
                                                 width: pdf.pageWidth, height: pdf.pageHeight))
            file.writeStream(ids.content, data: canvas.operations)
        }
        file.write(pdf.pagesID, PDFObjects.pages(kids: pdf.pageIDs + evidenceIDs.map(\.page)))
        file.write(pdf.infoID, PDFObjects.info(title: pdf.title, creationDate: pdf.creationDate, extra: [
            ("ModDate", .string(Array(signedAt.pdfDate.utf8))),
            (lengthKey, .int(unsigned.bytes.count)),
            (hashKey, .string(Array(unsignedHash.utf8))),
        ]))
        file.finish(trailer: PDFDictionary([("Size", .int(next)), ("Root", .ref(pdf.catalogID)),
                                            ("Info", .ref(pdf.infoID)), ("Prev", .int(pdf.startxref))]),
                    isUpdate: true)
        return SignedLOA(bytes: file.bytes, unsignedLength: unsigned.bytes.count, unsignedSHA256: unsignedHash,
                         pageCount: layout.pageCount + evidence.count)
    }

    /// Reads the recorded length and hash from the last /Info and hashes that prefix of the file.
    /// Nil when the file carries no PortIn signing evidence.
    public static func verify(signed bytes: [UInt8]) -> LOAVerification? {
        guard let lengthText = lastValue(after: "/\(lengthKey) ", in: bytes, allowed: Set("0123456789".utf8)),
              let length = Int(lengthText), length > 0, length <= bytes.count,
              let hash = lastValue(after: "/\(hashKey) (", in: bytes, allowed: Set("0123456789abcdef".utf8)),
              hash.count == 64
        else { return nil }
        return LOAVerification(unsignedLength: length, recordedSHA256: hash,
                               computedSHA256: DocumentHash.sha256(Array(bytes[0..<length])))
    }

    /// The run of `allowed` bytes following the last occurrence of `marker`.
    private static func lastValue(after marker: String, in bytes: [UInt8], allowed: Set<UInt8>) -> String? {
        let needle = Array(marker.utf8)
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start] == needle[0], Array(bytes[start..<(start + needle.count)]) == needle {
                var end = start + needle.count
                while end < bytes.count, allowed.contains(bytes[end]) { end += 1 }
                return String(decoding: bytes[(start + needle.count)..<end], as: UTF8.self)
            }
            start -= 1
        }
        return nil
    }

    /// The drawn signature fitted into the box, the signing date on its line, and a note under the box.
    private static func overlay(_ signature: LOASignature, anchor: LOASignatureAnchor, signedAt: UTCTimestamp,
                                evidencePage: Int) -> PDFCanvas {
        var canvas = PDFCanvas()
        let padding = 4.0
        let image = signature.image
        let scale = min((anchor.boxWidth - 2 * padding) / Double(image.width), (anchor.boxHeight - 2 * padding) / Double(image.height))
        let width = Double(image.width) * scale, height = Double(image.height) * scale
        canvas.image(PDFImageName(name: "Sig"), x: anchor.boxX + (anchor.boxWidth - width) / 2,
                     y: anchor.boxY + (anchor.boxHeight - height) / 2, width: width, height: height)
        canvas.text("\(signedAt.date.description) \(signedAt.timeOfDay) UTC (signed electronically)",
                    x: anchor.dateX, y: anchor.dateY, font: .helvetica, size: 10, color: .rgb(0.05, 0.15, 0.45))
        let note = "Signed electronically by \(signature.typedName). Evidence: page \(evidencePage)."
        let noteX = anchor.boxX + anchor.boxWidth + 8
        let lines = TextWrapper.wrap(note, font: .helvetica, size: 7, width: PageFlow.margin + PageFlow.width - noteX)
        for (index, line) in lines.prefix(6).enumerated() {
            canvas.text(line, x: noteX, y: anchor.boxY + anchor.boxHeight - 9 - Double(index) * 9, font: .helvetica,
                        size: 7, color: .gray(0.35))
        }
        return canvas
    }
}
