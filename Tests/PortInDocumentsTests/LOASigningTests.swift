import Foundation
import PortInCore
import Testing
@testable import PortInDocuments

private func forms() throws -> [(String, LOAForm, LOAContent)] {
    [
        ("local", .usLocal, Fixtures.content(numbers: Fixtures.localNumbers(300))),
        ("tollfree", .tollFree(respOrgID: "PTN01"), Fixtures.content(numbers: Fixtures.tollFreeNumbers(20))),
        ("international", .international(try Fixtures.ukTemplate()), Fixtures.ukContent(5)),
    ]
}

@Test(arguments: ["local", "tollfree", "international"])
func aSignedLOAKeepsTheUnsignedBytesAndAddsTheEvidencePage(name: String) async throws {
    let (_, form, content) = try forms().first { $0.0 == name }!
    let unsigned = try LOARenderer.render(content, form: form, createdAt: Fixtures.createdAt)
    let signed = try LOASigner.sign(unsigned, with: Fixtures.signature())
    let scratch = try Scratch()

    #expect(Array(signed.bytes.prefix(unsigned.bytes.count)) == unsigned.bytes, "the unsigned LOA must be a byte-exact prefix")
    #expect(signed.unsignedLength == unsigned.bytes.count)
    #expect(signed.pageCount == unsigned.layout.pageCount + 1)

    // Both documents pass every poppler check, page by page.
    let unsignedPages = try await checkLOADocument(unsigned.bytes, name: "\(name)-unsigned.pdf", scratch: scratch)
    let signedPages = try await checkLOADocument(signed.bytes, name: "\(name)-signed.pdf", scratch: scratch)
    #expect(signedPages.count == unsignedPages.count + 1)
    #expect(Array(signedPages.dropLast()).enumerated().allSatisfy { $0.offset == unsigned.layout.signature.pageIndex || $0.element == unsignedPages[$0.offset] },
            "pages other than the signature page are unchanged")

    // The evidence page: every field, and the hash of the unsigned bytes as sha256sum computes it.
    let unsignedPath = try scratch.write(unsigned.bytes, "\(name)-unsigned-for-hash.pdf")
    let sha256sum = try await Tool.run("sha256sum", [unsignedPath]).stdout.prefix(64)
    #expect(sha256sum == Substring(unsigned.sha256))
    let evidence = signedPages.last!
    for field in ["Signature evidence", "Dana Whitfield", "Office Manager", "dana@prairie.example", "2026-11-30T07:35:11Z",
                  "203.0.113.24", "Chrome/131.0.0.0", "I agree to sign this Letter of Authorization electronically",
                  String(sha256sum), "head -c \(unsigned.bytes.count) signed.pdf | sha256sum"] {
        #expect(evidence.contains(field), "the evidence page must show \(field)")
    }
    // The signature page shows the signing date.
    #expect(signedPages[unsigned.layout.signature.pageIndex].contains("2026-11-30 07:35:11 UTC (signed electronically)"))

    // The drawn signature is an RGB image with its alpha as a soft mask, on the signature page.
    let images = try await Poppler.images(scratch.path("\(name)-signed.pdf"))
    #expect(images.count == 2)
    #expect(images.first?.type == "image" && images.first?.color == "rgb" && images.first?.width == 400)
    #expect(images.last?.type == "smask" && images.last?.height == 120)
    #expect(images.allSatisfy { $0.page == unsigned.layout.signature.pageIndex + 1 })
    #expect(try await Poppler.images(scratch.path("\(name)-unsigned.pdf")).isEmpty)
}

@Test func verifyChecksTheRecordedHashAgainstThePrefix() async throws {
    let unsigned = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(10)), form: .usLocal,
                                          createdAt: Fixtures.createdAt)
    let signed = try LOASigner.sign(unsigned, with: Fixtures.signature())
    let verification = try #require(LOASigner.verify(signed: signed.bytes))
    #expect(verification.matches)
    #expect(verification.unsignedLength == unsigned.bytes.count)
    #expect(verification.recordedSHA256 == unsigned.sha256)

    // The check the evidence page tells people to run, run as written.
    let scratch = try Scratch()
    let path = try scratch.write(signed.bytes, "signed.pdf")
    let shell = try await Tool.run("sh", ["-c", "head -c \(verification.unsignedLength) '\(path)' | sha256sum"])
    #expect(shell.status == 0)
    #expect(shell.stdout.hasPrefix(unsigned.sha256 + " "))

    // One changed byte in the letter (a digit of a number) breaks the match.
    var tampered = signed.bytes
    let index = unsigned.bytes.count / 2
    tampered[index] = tampered[index] == 0x41 ? 0x42 : 0x41
    let broken = try #require(LOASigner.verify(signed: tampered))
    #expect(!broken.matches)
    #expect(broken.recordedSHA256 == unsigned.sha256)

    #expect(LOASigner.verify(signed: unsigned.bytes) == nil, "an unsigned LOA carries no evidence")
}

@Test func signingIsDeterministic() throws {
    let unsigned = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(5)), form: .usLocal,
                                          createdAt: Fixtures.createdAt)
    let first = try LOASigner.sign(unsigned, with: Fixtures.signature())
    let second = try LOASigner.sign(unsigned, with: Fixtures.signature())
    #expect(first.bytes == second.bytes)
    #expect(first.sha256 == second.sha256)
    #expect(first.sha256 != unsigned.sha256)
}

@Test func anIncompleteSignatureIsRefusedWithEveryProblemNamed() throws {
    let unsigned = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(1)), form: .usLocal,
                                          createdAt: Fixtures.createdAt)
    var signature = Fixtures.signature()
    signature.typedName = ""
    signature.consentText = "  "
    signature.ipAddress = ""
    signature.userAgent = String(repeating: "A", count: 1001)
    do {
        _ = try LOASigner.sign(unsigned, with: signature)
        Issue.record("an incomplete signature must be refused")
    } catch .invalid(let problems) {
        #expect(Set(problems.map(\.field)) == ["signature.typed_name", "signature.consent_text", "signature.ip_address",
                                               "signature.user_agent"])
        #expect(problems.contains { $0.code == "too_long" && $0.message.contains("1000") })
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func aStoredLayoutMustBelongToItsBytes() throws {
    let unsigned = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(3)), form: .usLocal,
                                          createdAt: Fixtures.createdAt)
    let layoutJSON = try JSONEncoder().encode(unsigned.layout)
    let layout = try JSONDecoder().decode(LOALayout.self, from: layoutJSON)
    let restored = try RenderedLOA(bytes: unsigned.bytes, layout: layout)
    #expect(try LOASigner.sign(restored, with: Fixtures.signature()).bytes == LOASigner.sign(unsigned, with: Fixtures.signature()).bytes)

    let other = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(200)), form: .usLocal,
                                       createdAt: Fixtures.createdAt)
    #expect(throws: LOAError.self) { try RenderedLOA(bytes: unsigned.bytes, layout: other.layout) }
    let signed = try LOASigner.sign(unsigned, with: Fixtures.signature())
    #expect(throws: LOAError.self, "a signed LOA cannot be signed again as if unsigned") {
        try RenderedLOA(bytes: signed.bytes, layout: unsigned.layout)
    }
}

@Test func anOpaqueGraySignatureHasNoSoftMask() async throws {
    let unsigned = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(1)), form: .usLocal,
                                          createdAt: Fixtures.createdAt)
    let gray = try SignatureImage.decodePNG(TestPNG.encode(width: 50, height: 20, colorType: 0,
                                                            pixels: (0..<1000).map { UInt8($0 % 256) }))
    let signed = try LOASigner.sign(unsigned, with: Fixtures.signature(image: gray))
    let scratch = try Scratch()
    let path = try scratch.write(signed.bytes, "gray.pdf")
    let images = try await Poppler.images(path)
    #expect(images.map(\.type) == ["image"])
    #expect(images.first?.color == "gray")
    #expect(signed.pageCount == unsigned.layout.pageCount + 1)
    #expect(try await Poppler.renderedPageCount(path, in: scratch) == signed.pageCount)
}
