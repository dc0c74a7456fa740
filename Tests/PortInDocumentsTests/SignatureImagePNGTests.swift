import Foundation
import Testing
@testable import PortInDocuments

private func gradientPixels(width: Int, height: Int, channels: Int) -> [UInt8] {
    var random = SeededBytes(state: UInt64(width * 31 + height * 7 + channels))
    return (0..<(width * height * channels)).map { i in
        // Smooth gradients plus noise, so every predictor sees non-trivial neighbours.
        UInt8(truncatingIfNeeded: (i % (width * channels)) * 3 + (i / (width * channels)) * 5 + Int(random.next() % 16))
    }
}

@Test(arguments: [UInt8(0), 1, 2, 3, 4])
func decodesEveryFilterType(filter: UInt8) throws {
    let width = 37, height = 23
    let pixels = gradientPixels(width: width, height: height, channels: 4)
    let png = TestPNG.encode(width: width, height: height, colorType: 6, pixels: pixels) { _ in filter }
    let image = try SignatureImage.decodePNG(png)
    #expect(image.width == width && image.height == height && image.colorSpace == .rgb)
    for pixel in [0, 1, width - 1, width, width * height / 2, width * height - 1] {
        #expect(Array(image.samples[(pixel * 3)..<(pixel * 3 + 3)]) == Array(pixels[(pixel * 4)..<(pixel * 4 + 3)]))
        #expect(image.alpha?[pixel] == pixels[pixel * 4 + 3])
    }
    #expect(interleaved(image) == pixels)
}

/// The decoded samples and alpha put back into PNG pixel order, to compare with the input.
private func interleaved(_ image: SignatureImage) -> [UInt8] {
    let color = image.colorSpace == .gray ? 1 : 3
    var out: [UInt8] = []
    for pixel in 0..<(image.width * image.height) {
        out.append(contentsOf: image.samples[(pixel * color)..<(pixel * color + color)])
        if let alpha = image.alpha { out.append(alpha[pixel]) }
    }
    return out
}

@Test(arguments: [UInt8(0), 2, 4, 6])
func decodesEachColorTypeWithMixedFilters(colorType: UInt8) throws {
    // PNG color types: 0 gray, 2 RGB, 4 gray + alpha, 6 RGBA.
    let channels = [0: 1, 2: 3, 4: 2, 6: 4][Int(colorType)]!
    let space: SignatureImage.ColorSpace = colorType & 2 == 0 ? .gray : .rgb
    let hasAlpha = colorType & 4 != 0
    let width = 19, height = 11
    let pixels = gradientPixels(width: width, height: height, channels: channels)
    let png = TestPNG.encode(width: width, height: height, colorType: colorType, pixels: pixels) { UInt8($0 % 5) }
    let image = try SignatureImage.decodePNG(png)
    #expect(image.colorSpace == space)
    #expect((image.alpha != nil) == hasAlpha)
    #expect(interleaved(image) == pixels)
}

/// An independent encoder: libpng (through pdftoppm) with zlib's dynamic Huffman blocks and
/// adaptive per-row filters. Its PNG must decode to exactly the pixels of its own PPM output.
@Test func decodesAPNGFromLibpngToTheSamePixelsAsItsPPM() async throws {
    let scratch = try Scratch()
    var canvas = PDFCanvas()
    canvas.text("Signature test: Dana Whitfield", x: 20, y: 120, font: .helveticaBold, size: 18)
    canvas.rectangle(x: 10, y: 10, width: 200, height: 60, stroke: .rgb(0.8, 0.1, 0.1), fill: .rgb(0.2, 0.5, 0.9), lineWidth: 3)
    canvas.path([PDFPoint(220, 20), PDFPoint(280, 140), PDFPoint(300, 30)], closed: true, stroke: .black, fill: .gray(0.6))
    var document = PDFDocument(title: "Pixels", creationDate: Fixtures.createdAt, pageWidth: 320, pageHeight: 160)
    document.addPage(canvas)
    let pdf = try scratch.write(document.write().bytes, "pixels.pdf")

    let png = try await Tool.run("pdftoppm", ["-r", "72", "-png", "-singlefile", pdf, scratch.path("page")])
    let ppm = try await Tool.run("pdftoppm", ["-r", "72", "-singlefile", pdf, scratch.path("page")])
    #expect(png.status == 0 && ppm.status == 0)
    let pngBytes = try Array(Data(contentsOf: URL(fileURLWithPath: scratch.path("page.png"))))
    let ppmBytes = try Array(Data(contentsOf: URL(fileURLWithPath: scratch.path("page.ppm"))))
    // P6 header: "P6\n<width> <height>\n255\n", then RGB bytes.
    var newlines = 0, headerEnd = 0
    while newlines < 3 {
        if ppmBytes[headerEnd] == 0x0A { newlines += 1 }
        headerEnd += 1
    }
    let header = String(decoding: ppmBytes[0..<headerEnd], as: UTF8.self).split(whereSeparator: \.isWhitespace)
    let image = try SignatureImage.decodePNG(pngBytes, limits: .init(maxBytes: 4 << 20, maxWidth: 2000, maxHeight: 1000))
    #expect(header[0] == "P6" && Int(header[1]) == image.width && Int(header[2]) == image.height)
    #expect(image.colorSpace == .rgb)
    #expect(image.samples == Array(ppmBytes[headerEnd...]))
}

@Test func refusesACorruptCRCNamingTheChunk() {
    var png = TestPNG.encode(width: 4, height: 4, colorType: 6, pixels: [UInt8](repeating: 9, count: 64))
    png[20] ^= 0x01  // inside IHDR's data (the height)
    #expect(throws: SignatureImageError.badCRC(chunk: "IHDR")) { try SignatureImage.decodePNG(png) }

    var idat = TestPNG.encode(width: 4, height: 4, colorType: 6, pixels: [UInt8](repeating: 9, count: 64))
    idat[8 + 25 + 8] ^= 0x40  // first byte of IDAT's data
    #expect(throws: SignatureImageError.badCRC(chunk: "IDAT")) { try SignatureImage.decodePNG(idat) }
    #expect(SignatureImageError.badCRC(chunk: "IDAT").description.contains("CRC"))
}

@Test func refusesFilesAndImagesOverTheLimits() {
    let bigFile = TestPNG.encode(width: 4, height: 4, colorType: 6, pixels: [UInt8](repeating: 0, count: 64))
        + [UInt8](repeating: 0, count: 600 * 1024)
    #expect(throws: SignatureImageError.tooLarge(bytes: bigFile.count, limit: 512 * 1024)) { try SignatureImage.decodePNG(bigFile) }
    #expect(SignatureImageError.tooLarge(bytes: bigFile.count, limit: 512 * 1024).description.contains("512 KB"))

    let wide = TestPNG.encode(width: 2001, height: 2, colorType: 6, pixels: [UInt8](repeating: 0, count: 2001 * 2 * 4))
    #expect(throws: SignatureImageError.dimensionsOutOfRange(width: 2001, height: 2, maxWidth: 2000, maxHeight: 1000)) {
        try SignatureImage.decodePNG(wide)
    }
    // The header alone claims a huge image: refused before anything is inflated.
    let claimsHuge = SignatureImage.pngSignature + TestPNG.chunk("IHDR", TestPNG.be32(100_000) + TestPNG.be32(100_000) + [8, 6, 0, 0, 0])
    #expect(throws: SignatureImageError.dimensionsOutOfRange(width: 100_000, height: 100_000, maxWidth: 2000, maxHeight: 1000)) {
        try SignatureImage.decodePNG(claimsHuge)
    }
}

@Test func refusesWhatIsNotAPNG() {
    #expect(throws: SignatureImageError.empty) { try SignatureImage.decodePNG([]) }
    #expect(throws: SignatureImageError.notAPNG) { try SignatureImage.decodePNG([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0, count: 20)) }
    #expect(throws: SignatureImageError.notAPNG) { try SignatureImage.decodePNG(Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) }
    #expect(throws: SignatureImageError.notADataURL) { try SignatureImage.decodePNG(dataURL: "data:image/jpeg;base64,/9j/4AAQ") }
    #expect(throws: SignatureImageError.invalidBase64) { try SignatureImage.decodePNG(dataURL: "data:image/png;base64,***") }
    #expect(SignatureImageError.notAPNG.description.contains("PNG signature"))
}

@Test func refusesTruncatedInterlacedAndUnsupportedPNGs() {
    let png = TestPNG.encode(width: 8, height: 8, colorType: 6, pixels: [UInt8](repeating: 200, count: 256))
    #expect(throws: SignatureImageError.truncated(chunk: "IDAT")) { try SignatureImage.decodePNG(Array(png.prefix(png.count - 20))) }
    let interlaced = TestPNG.encode(width: 8, height: 8, colorType: 6, interlace: 1, pixels: [UInt8](repeating: 1, count: 256))
    #expect(throws: SignatureImageError.interlaced) { try SignatureImage.decodePNG(interlaced) }
    let sixteenBit = TestPNG.encode(width: 8, height: 8, colorType: 6, bitDepth: 16, pixels: [UInt8](repeating: 1, count: 256))
    #expect(throws: SignatureImageError.unsupportedFormat(colorType: 6, bitDepth: 16)) { try SignatureImage.decodePNG(sixteenBit) }
    let palette = TestPNG.encode(width: 8, height: 8, colorType: 3, pixels: [UInt8](repeating: 1, count: 64))
    #expect(throws: SignatureImageError.unsupportedFormat(colorType: 3, bitDepth: 8)) { try SignatureImage.decodePNG(palette) }
    let badFilter = TestPNG.encode(width: 8, height: 8, colorType: 6, pixels: [UInt8](repeating: 1, count: 256)) { $0 == 3 ? 5 : 0 }
    #expect(throws: SignatureImageError.badFilter(type: 5, row: 3)) { try SignatureImage.decodePNG(badFilter) }
    let noData = SignatureImage.pngSignature + TestPNG.chunk("IHDR", TestPNG.be32(8) + TestPNG.be32(8) + [8, 6, 0, 0, 0]) + TestPNG.chunk("IEND", [])
    #expect(throws: SignatureImageError.missingImageData) { try SignatureImage.decodePNG(noData) }
}

@Test func decodesACanvasDataURL() throws {
    let png = TestPNG.encode(width: 300, height: 100, colorType: 6, pixels: TestPNG.signaturePixels(width: 300, height: 100)) { _ in 4 }
    let image = try SignatureImage.decodePNG(dataURL: "data:image/png;base64," + Data(png).base64EncodedString())
    #expect(image.width == 300 && image.height == 100 && image.alpha != nil)
    #expect(image.alpha!.contains(255) && image.alpha!.contains(0))
}
