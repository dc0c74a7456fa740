/// Writes numbered objects and the cross-reference table that locates them (§7.5). Offsets are
/// recorded as each object is written, so the xref is exact by construction. Used both for whole
/// documents and for incremental updates appended to an existing file (§7.5.6).
struct PDFFileWriter {
    private(set) var bytes: [UInt8]
    private var offsets: [Int: Int] = [:]

    /// Starts a new document: header plus a comment of high bytes marking the file as binary.
    static func newDocument() -> PDFFileWriter {
        PDFFileWriter(bytes: Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + [0x0A])
    }

    /// Continues an existing file: everything written is appended after its last byte.
    static func appending(to existing: [UInt8]) -> PDFFileWriter {
        PDFFileWriter(bytes: existing)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func write(_ id: Int, _ value: PDFValue) {
        begin(id)
        value.write(to: &bytes)
        bytes.append(contentsOf: Array("\nendobj\n".utf8))
    }

    /// A stream object; compressed with /FlateDecode unless `compress` is false.
    mutating func writeStream(_ id: Int, _ dictionary: PDFDictionary = PDFDictionary(), data: [UInt8], compress: Bool = true) {
        var dictionary = dictionary
        let payload = compress ? Deflate.zlibCompress(data) : data
        if compress { dictionary["Filter"] = .name("FlateDecode") }
        dictionary["Length"] = .int(payload.count)
        begin(id)
        dictionary.write(to: &bytes)
        bytes.append(contentsOf: Array("\nstream\n".utf8))
        bytes.append(contentsOf: payload)
        bytes.append(contentsOf: Array("\nendstream\nendobj\n".utf8))
    }

    private mutating func begin(_ id: Int) {
        precondition(offsets[id] == nil, "object \(id) written twice")
        offsets[id] = bytes.count
        bytes.append(contentsOf: Array("\(id) 0 obj\n".utf8))
    }

    /// Writes the xref table, trailer and `startxref`, and returns the xref's offset.
    /// A whole document lists objects 0..<size (object 0 is the head of the free list and every
    /// other number must have been written); an update lists just the objects it wrote.
    @discardableResult
    mutating func finish(trailer: PDFDictionary, isUpdate: Bool) -> Int {
        let xrefOffset = bytes.count
        var text = "xref\n"
        let ids = offsets.keys.sorted()
        if isUpdate {
            var start = 0
            while start < ids.count {
                var end = start
                while end + 1 < ids.count, ids[end + 1] == ids[end] + 1 { end += 1 }
                text += "\(ids[start]) \(end - start + 1)\n"
                for id in ids[start...end] { text += entry(offsets[id]!) }
                start = end + 1
            }
        } else {
            let size = (ids.last ?? 0) + 1
            precondition(ids == Array(1..<size), "a whole document must number its objects 1..<size without gaps")
            text += "0 \(size)\n0000000000 65535 f \n"
            for id in ids { text += entry(offsets[id]!) }
        }
        bytes.append(contentsOf: Array(text.utf8))
        bytes.append(contentsOf: Array("trailer\n".utf8))
        trailer.write(to: &bytes)
        bytes.append(contentsOf: Array("\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8))
        return xrefOffset
    }

    /// One 20-byte entry: 10-digit offset, 5-digit generation, `n`, and a two-byte end of line.
    private func entry(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
    }
}
