extension LOASigner {
    /// The evidence page(s): who signed, when, from where, what they agreed to, and the hash of the
    /// exact unsigned bytes with how to check it.
    static func evidencePages(_ signature: LOASignature, unsigned: RenderedLOA, signedAt: UTCTimestamp,
                              hash: String) -> [PDFCanvas] {
        let layout = unsigned.layout
        var flow = PageFlow()
        flow.paragraph("Signature evidence", font: .helveticaBold, size: 16, leading: 20, after: 6)
        flow.paragraph("This page records the electronic signature of the Letter of Authorization on pages 1 to \(layout.pageCount) of this file. It was added after signing as an incremental update, so the signed letter itself is unchanged.",
                       size: 9.5, leading: 13)
        flow.fieldRows([
            (label: "Document", value: layout.pdf.title),
            (label: "Request ID", value: layout.requestID),
            (label: "Signer name (typed)", value: signature.typedName),
            (label: "Signer title", value: signature.title ?? ""),
            (label: "Signer email", value: signature.email),
            (label: "Signed at (UTC)", value: signedAt.iso8601),
            (label: "IP address", value: signature.ipAddress),
            (label: "User agent", value: signature.userAgent),
            (label: "Signature image", value: "\(signature.image.width) x \(signature.image.height) pixels, drawn by the signer, placed on page \(layout.signature.pageIndex + 1)"),
        ])
        flow.gap(12)
        flow.paragraph("Consent text agreed to by the signer", font: .helveticaBold, size: 10.5, leading: 14, after: 4)
        flow.paragraph(signature.consentText, size: 9.5, leading: 13, after: 10)
        flow.paragraph("SHA-256 of the unsigned document (the first \(unsigned.bytes.count) bytes of this file)",
                       font: .helveticaBold, size: 10.5, leading: 14, after: 4)
        flow.paragraph(hash, font: .courier, size: 10, leading: 14, after: 8)
        flow.paragraph("To verify: take the first \(unsigned.bytes.count) bytes of this file and compute their SHA-256; the result must equal the hash above. For example, where the file is saved as signed.pdf:",
                       size: 9.5, leading: 13, after: 4)
        flow.paragraph("head -c \(unsigned.bytes.count) signed.pdf | sha256sum", font: .courier, size: 10, leading: 14)
        let firstEvidencePage = layout.pageCount + 1
        flow.stamp(header: "Signature evidence", requestLine: "Request ID: \(layout.requestID)") { index, count in
            count == 1 ? "Evidence, page \(firstEvidencePage)" : "Evidence \(index) of \(count), page \(firstEvidencePage + index - 1)"
        }
        return flow.pages
    }
}
