import Foundation
import PortInCore
import Testing
@testable import PortInDocuments

/// The whole-document checks every LOA must pass: pdfinfo, a clean render of every page, and the
/// request id plus "Page n of m" on every page. Returns the text of each page.
func checkLOADocument(_ bytes: [UInt8], name: String, requestID: String = "PR-7F3K2Q",
                           scratch: Scratch) async throws -> [String] {
    let path = try scratch.write(bytes, name)
    let info = try await Poppler.info(path)
    #expect(info["PDF version"] == "1.4")
    let pages = Int(info["Pages"] ?? "") ?? 0
    #expect(pages >= 1)
    #expect(try await Poppler.renderedPageCount(path, in: scratch) == pages, "pdftoppm must write one image per page")
    var texts: [String] = []
    for page in 1...max(pages, 1) {
        // Wrapped lines come out on separate lines: compare with whitespace collapsed.
        let text = try await Poppler.text(path, page: page).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains(requestID), "page \(page) must show the request id")
        texts.append(text)
    }
    return texts
}

@Test func theUSLocalLOAListsEveryOneOf300NumbersAcrossSeveralPages() async throws {
    let numbers = Fixtures.localNumbers(300)
    let loa = try LOARenderer.render(Fixtures.content(numbers: numbers), form: .usLocal, createdAt: Fixtures.createdAt)
    let scratch = try Scratch()
    let pages = try await checkLOADocument(loa.bytes, name: "local.pdf", scratch: scratch)
    #expect(pages.count >= 3)
    #expect(pages.count == loa.layout.pageCount)
    for (index, text) in pages.enumerated() {
        #expect(text.contains("Page \(index + 1) of \(pages.count)"))
    }
    let all = pages.joined(separator: "\n")
    for number in numbers {
        #expect(all.contains(number.e164), "\(number.e164) is missing from the LOA")
    }
    let pagesWithNumbers = pages.filter { page in numbers.contains { page.contains($0.e164) } }
    #expect(pagesWithNumbers.count >= 2, "300 numbers must run onto more than one page")
    #expect(all.contains("Telephone numbers to port (300), each listed individually"))
    for field in ["Prairie State Plumbing LLC", "Dana Whitfield", "Office Manager", "dana@prairie.example",
                  "1200 S 6th St, Suite 210, Springfield, IL 62703, US", "Lincoln Land Telephone", "ACCT-558812",
                  "+12175221000", "PortIn Communications", "PTN0000123", "2026-11-30"] {
        #expect(all.contains(field), "the LOA must show \(field)")
    }
    // The 47 CFR 64.1130 elements.
    #expect(all.contains("separate document"))
    #expect(all.contains("authorize PortIn Communications to act as my agent"))
    #expect(all.contains("only one provider may be designated"))
    // The signature block is on the last page, after every number.
    #expect(pages.last!.contains("Date signed"))
    #expect(loa.layout.signature.pageIndex == pages.count - 1)
}

@Test func theTollFreeLOANamesOurRespOrgAndEveryNumber() async throws {
    let numbers = Fixtures.tollFreeNumbers(40)
    let loa = try LOARenderer.render(Fixtures.content(numbers: numbers), form: .tollFree(respOrgID: "PTN01"),
                                     createdAt: Fixtures.createdAt)
    let scratch = try Scratch()
    let all = try await checkLOADocument(loa.bytes, name: "tollfree.pdf", scratch: scratch).joined(separator: "\n")
    #expect(all.contains("Toll-Free Letter of Authorization: Change of RespOrg"))
    #expect(all.contains("RespOrg ID PTN01"))
    #expect(all.contains("PortIn Communications, RespOrg ID PTN01"))
    #expect(all.contains("Current RespOrg / carrier"))
    #expect(all.contains("not stamped"))
    #expect(all.contains("valid for 30 days"))
    for number in numbers { #expect(all.contains(number.e164)) }
}

@Test func theInternationalLOAComesFromItsJSONTemplate() async throws {
    let template = try Fixtures.ukTemplate()
    let loa = try LOARenderer.render(Fixtures.ukContent(120), form: .international(template), createdAt: Fixtures.createdAt)
    let scratch = try Scratch()
    let all = try await checkLOADocument(loa.bytes, name: "gb.pdf", scratch: scratch).joined(separator: "\n")
    #expect(all.contains("Letter of Authority to Port Numbers (United Kingdom)"))
    #expect(all.contains("Losing provider CUPID code"))
    #expect(all.contains("(CUPID 014)"))
    #expect(all.contains("ISDN30"))
    #expect(all.contains("Installation address"))
    #expect(all.contains("10 Downing St, London, London SW1A 2AA, GB"))
    for number in Fixtures.ukNumbers(120) { #expect(all.contains(number.e164)) }
}

@Test func theShippedSampleTemplateRenders() async throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/loa-templates/GB.json")
    let template = try JSONDecoder().decode(LOATemplate.self, from: Data(contentsOf: url))
    let loa = try LOARenderer.render(Fixtures.ukContent(3), form: .international(template), createdAt: Fixtures.createdAt)
    let scratch = try Scratch()
    let all = try await checkLOADocument(loa.bytes, name: "sample.pdf", scratch: scratch).joined(separator: "\n")
    #expect(all.contains("014"))
}

@Test func renderingTwiceGivesIdenticalBytes() throws {
    let content = Fixtures.content(numbers: Fixtures.localNumbers(50))
    let first = try LOARenderer.render(content, form: .usLocal, createdAt: Fixtures.createdAt)
    let second = try LOARenderer.render(content, form: .usLocal, createdAt: Fixtures.createdAt)
    #expect(first.bytes == second.bytes)
    #expect(first.sha256 == second.sha256)
    #expect(first.layout == second.layout)
}

@Test func accentedAndBracketedNamesPrintAsTyped() async throws {
    let content = Fixtures.content(numbers: Fixtures.localNumbers(2), subscriber: "Café Crème (Müller & Söhne) \\ Ltd",
                                   person: "Zoë Ñúñez-O'Brien")
    let loa = try LOARenderer.render(content, form: .usLocal, createdAt: Fixtures.createdAt)
    let scratch = try Scratch()
    let all = try await checkLOADocument(loa.bytes, name: "names.pdf", scratch: scratch).joined(separator: "\n")
    #expect(all.contains("Café Crème (Müller & Söhne) \\ Ltd"))
    #expect(all.contains("Zoë Ñúñez-O'Brien"))
}

@Test func incompleteContentIsRefusedWithEveryProblemNamed() throws {
    var content = Fixtures.content(numbers: Fixtures.localNumbers(2) + Fixtures.localNumbers(1) + Fixtures.tollFreeNumbers(1))
    content.subscriberName = " "
    content.currentCarrier = ""
    content.serviceAddress.postalCode = ""
    do {
        _ = try LOARenderer.render(content, form: .usLocal, createdAt: Fixtures.createdAt)
        Issue.record("incomplete content must be refused")
    } catch .invalid(let problems) {
        let fields = problems.map(\.field)
        #expect(fields.contains("subscriber_name"))
        #expect(fields.contains("current_carrier"))
        #expect(fields.contains("service_address.postal_code"))
        #expect(problems.contains { $0.field == "numbers[2]" && $0.code == "duplicate" })
        #expect(problems.contains { $0.field == "numbers[3]" && $0.code == "wrong_form" })
    } catch {
        Issue.record("unexpected \(error)")
    }

    #expect(throws: LOAError.self) {
        try LOARenderer.render(Fixtures.content(numbers: []), form: .usLocal, createdAt: Fixtures.createdAt)
    }
    do {
        _ = try LOARenderer.render(Fixtures.content(numbers: Fixtures.localNumbers(1)), form: .tollFree(respOrgID: "ptn-1"),
                                   createdAt: Fixtures.createdAt)
        Issue.record("a bad RespOrg id and a local number must be refused")
    } catch .invalid(let problems) {
        #expect(Set(problems.map(\.field)) == ["numbers[0]", "resporg_id"])
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func templatesAreCheckedForUnknownPlaceholdersAndMissingFields() throws {
    var template = try Fixtures.ukTemplate()
    do {
        _ = try LOARenderer.render(Fixtures.ukContent(1).with(extraFields: [:]), form: .international(template),
                                   createdAt: Fixtures.createdAt)
        Issue.record("missing extra fields must be refused")
    } catch .invalid(let problems) {
        #expect(Set(problems.map(\.field)) == ["extra_fields.cupid_code", "extra_fields.line_type"])
        #expect(problems.contains { $0.message.contains("Losing provider CUPID code") })
    } catch {
        Issue.record("unexpected \(error)")
    }

    template.paragraphs.append("Your PIN is {pin}; {resporg_id} is not ours.")
    do {
        _ = try LOARenderer.render(Fixtures.ukContent(1), form: .international(template), createdAt: Fixtures.createdAt)
        Issue.record("unknown placeholders must be refused")
    } catch .invalidTemplate(let problems) {
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.code == "unknown_placeholder" })
        #expect(problems.contains { $0.message.contains("{pin}") })
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func aTemplateRoundTripsThroughJSON() throws {
    let data = try JSONEncoder().encode(LOATemplate.usLocal)
    #expect(try JSONDecoder().decode(LOATemplate.self, from: data) == LOATemplate.usLocal)
    let json = String(decoding: data, as: UTF8.self)
    #expect(json.contains("\"numbers_heading\"") && json.contains("\"signature_statement\""))
}

extension LOAContent {
    func with(extraFields: [String: String]) -> LOAContent {
        var copy = self
        copy.extraFields = extraFields
        return copy
    }
}
