import Foundation
import Testing
@testable import PortInDocuments

private func sampleDocument(pages: Int = 2) -> PDFDocument {
    var document = PDFDocument(title: "Writer test (1) \\ ok", creationDate: Fixtures.createdAt)
    for index in 0..<pages {
        var canvas = PDFCanvas()
        canvas.text("Page body \(index + 1)", x: 72, y: 700, font: .helvetica, size: 12)
        canvas.line(from: PDFPoint(72, 690), to: PDFPoint(540, 690))
        document.addPage(canvas)
    }
    return document
}

/// Every xref entry must point at the first byte of "<n> 0 obj", and startxref at "xref".
@Test func crossReferenceOffsetsPointAtTheirObjects() throws {
    let (bytes, layout) = sampleDocument().write()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("%PDF-1.4\n"))
    #expect(text.hasSuffix("startxref\n\(layout.startxref)\n%%EOF\n"))
    let xref = Array(bytes[layout.startxref...])
    #expect(String(decoding: xref.prefix(5), as: UTF8.self) == "xref\n")
    let lines = String(decoding: xref, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[1] == "0 \(layout.size)")
    #expect(lines[2] == "0000000000 65535 f ")
    for id in 1..<layout.size {
        let entry = lines[2 + id]
        #expect(entry.utf8.count == 19, "each entry is 20 bytes with its newline")
        let offset = Int(entry.prefix(10))!
        let header = Array("\(id) 0 obj\n".utf8)
        #expect(Array(bytes[offset..<(offset + header.count)]) == header, "xref entry \(id) points at the wrong place")
    }
    #expect(text.contains("trailer\n<</Size \(layout.size) /Root 1 0 R /Info 3 0 R >>"))
}

@Test func popplerReadsTheInfoAndPages() async throws {
    let scratch = try Scratch()
    let path = try scratch.write(sampleDocument(pages: 3).write().bytes, "sample.pdf")
    let info = try await Poppler.info(path)
    #expect(info["PDF version"] == "1.4")
    #expect(info["Pages"] == "3")
    #expect(info["Producer"] == "PortIn")
    #expect(info["Title"] == "Writer test (1) \\ ok")
    #expect(info["Page size"]?.hasPrefix("612 x 792 pts (letter)") == true)
    #expect(info["CreationDate"]?.contains("2026") == true)
    #expect(try await Poppler.renderedPageCount(path, in: scratch) == 3)
}

@Test func theSameInputGivesTheSameBytes() {
    #expect(sampleDocument().write().bytes == sampleDocument().write().bytes)
    var later = sampleDocument()
    later.creationDate = Fixtures.createdAt.addingTimeInterval(1)
    #expect(later.write().bytes != sampleDocument().write().bytes)
}

@Test func textIsEscapedAndEncodedForWinAnsi() async throws {
    #expect(PDFString.literal(Array("a(b)c\\d".utf8)) == Array("(a\\(b\\)c\\\\d)".utf8))
    #expect(WinAnsi.encode("Zoë €–") == [0x5A, 0x6F, 0xEB, 0x20, 0x80, 0x96])
    #expect(WinAnsi.encode("Łódź") == Array("?\u{F3}d?".unicodeScalars.map { UInt8($0.value) }))
    #expect(WinAnsi.encode("e\u{301}") == [0xE9], "combining accents are composed first")
    #expect(WinAnsi.encode("a\tb\nc") == Array("a b c".utf8))
    #expect(PDFString.literal([0xE9, 0x0A]) == Array("(\\351\\012)".utf8))

    let lines = ["Acme (Holdings) \\ Ltd", "Zoë Müller-Ñúñez, Café Crème", "Unbalanced ) ( ((", "Łukasz Żółć 東京"]
    var canvas = PDFCanvas()
    for (index, line) in lines.enumerated() {
        canvas.text(line, x: 72, y: 700 - Double(index) * 20, font: index % 2 == 0 ? .helvetica : .helveticaBold, size: 12)
    }
    canvas.text("Courier (mono) \\", x: 72, y: 600, font: .courier, size: 10)
    var document = PDFDocument(title: "Ñame (test)", creationDate: Fixtures.createdAt)
    document.addPage(canvas)
    let scratch = try Scratch()
    let path = try scratch.write(document.write().bytes, "escaping.pdf")
    let text = try await Poppler.text(path)
    #expect(text.contains("Acme (Holdings) \\ Ltd"))
    #expect(text.contains("Zoë Müller-Ñúñez, Café Crème"))
    #expect(text.contains("Unbalanced ) ( (("))
    #expect(text.contains("?ukasz ?ó?? ??"), "characters outside WinAnsi show as a visible ?")
    #expect(text.contains("Courier (mono) \\"))
    #expect(try await Poppler.info(path)["Title"] == "Ñame (test)")
}

@Test func textIsMeasuredWithTheAFMWidths() {
    // Helvetica: H 722, e 556, l 222, o 556; Helvetica-Bold: H 722, e 556, l 278, o 611.
    #expect(abs(StandardFont.helvetica.width(of: "Hello", size: 10) - 22.78) < 0.0001)
    #expect(abs(StandardFont.helveticaBold.width(of: "Hello", size: 10) - 24.45) < 0.0001)
    #expect(StandardFont.courier.width(of: "Hello", size: 10) == 30)
    #expect(StandardFont.helvetica.width(of: "é", size: 1000) == 556)
}

@Test func paragraphsWrapWithinTheWidthAndBreakLongWords() {
    let text = String(repeating: "The subscriber authorizes the new provider to act as agent. ", count: 12)
        + "Mozilla/5.0(X11;Linux-x86_64)AppleWebKit/537.36(KHTML,like-Gecko)Chrome/131.0.0.0Safari/537.36"
    let lines = TextWrapper.wrap(text, font: .helvetica, size: 10.5, width: 300)
    #expect(lines.count > 8)
    for line in lines { #expect(StandardFont.helvetica.width(of: line, size: 10.5) <= 300) }
    // Greedy: no line could have taken the next word.
    for (line, next) in zip(lines, lines.dropFirst()) where !next.contains("/") {
        let firstWord = next.split(separator: " ").first.map(String.init) ?? ""
        #expect(StandardFont.helvetica.width(of: line + " " + firstWord, size: 10.5) > 300)
    }
    #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
}

@Test func drawsShapesAndImagesThatPopplerRenders() async throws {
    var document = PDFDocument(title: "Shapes", creationDate: Fixtures.createdAt)
    let image = document.add(Fixtures.signatureImage())
    let gray = document.add(SignatureImage(width: 2, height: 2, colorSpace: .gray, samples: [0, 80, 160, 255], alpha: nil))
    var canvas = PDFCanvas()
    canvas.rectangle(x: 50, y: 50, width: 200, height: 100, stroke: .rgb(1, 0, 0), fill: .gray(0.9), lineWidth: 2)
    canvas.path([PDFPoint(300, 300), PDFPoint(400, 350), PDFPoint(350, 420)], closed: true, stroke: nil, fill: .rgb(0, 0.5, 0))
    canvas.line(from: PDFPoint(0, 0), to: PDFPoint(612, 792), width: 1.5)
    canvas.image(image, x: 72, y: 500, width: 300, height: 90)
    canvas.image(gray, x: 400, y: 500, width: 40, height: 40)
    document.addPage(canvas)
    let scratch = try Scratch()
    let path = try scratch.write(document.write().bytes, "shapes.pdf")
    #expect(try await Poppler.renderedPageCount(path, in: scratch) == 1)
    let images = try await Poppler.images(path)
    #expect(images.map(\.type) == ["image", "smask", "image"])
    #expect(images[0].width == 400 && images[0].height == 120 && images[0].color == "rgb")
    #expect(images[2].color == "gray")
}
