import Foundation
import PortInCore
import PortInDocuments
import PortInStore
import PortInTestSupport
import Testing
@testable import PortInServer

/// Per-country LOA templates over real HTTP: ops store, preview and remove them at
/// `/ops/loa-templates`; an international request's LOA uses its country's template, with the
/// extra field values the customer gives (`loa_fields`, API and wizard); bad templates are refused
/// whole; customers cannot reach any of it.
@Suite("Ops: per-country LOA templates")
struct OpsLOATemplateTests {
    static let gbTitle = "Letter of Authority to Port Numbers (United Kingdom)"
    static let defaultTitle = LOATemplate.internationalDefault.title

    static func gbJSON() throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/loa-templates/GB.json")
        return try Data(contentsOf: url)
    }

    /// An international draft of `account` in `country`. Made in the store: the carrier simulator
    /// knows only North American numbers, so its portability check never opens an international request.
    static func internationalDraft(_ service: TestService, account: Account, country: String, group: String,
                                   numbers: [String] = ["+442079460100", "+442079460101"]) async throws -> StoredPortRequest {
        let draft = PortRequestDraft(
            kind: .international, country: country, subscriberType: .business, businessName: "Acme Widgets Ltd",
            authorizedPerson: AuthorizedPerson(name: "Jane Roe", title: "CTO", email: "jane@acme.test"),
            serviceAddress: ServiceAddress(houseNumber: "10", street: "High Street", city: "London", state: "Greater London",
                                           postalCode: "SW1A 2AA", country: country),
            accountNumber: "UK-55102", numbers: numbers)
        return try await service.store.portRequests.create(
            NewPortRequest(accountId: account.id, groupId: group, draft: draft, numberType: .geographic,
                           losingCarrier: CarrierRef(spid: "GBBT", name: "British Telecom")), now: service.clock.now())
    }

    static func pdfText(_ response: TestResponse) async throws -> String {
        #expect(response.status == 200 && response.contentType == "application/pdf", "\(response.status) \(response.text.prefix(1500))")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loa-template-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try response.body.write(to: file)
        return String(decoding: try await ChildProcess.run("/usr/bin/pdftotext", ["-layout", file.path, "-"]).stdout, as: UTF8.self)
    }

    @Test("GB template stored by ops: a GB request's LOA has its title, CUPID code and line type; missing values are a 422 naming both; unknown and overlong values refused; another country and a removed template use the default",
          arguments: TestBackend.available)
    func countryTemplateDrivesTheLOA(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.signedInOps()
            let empty = try await ops.get("/ops/loa-templates")
            expectPage(empty, status: 200, contains: ["LOA templates", "None yet", "aria-current=\"page\"", "Check and store"])
            let stored = try await ops.postMultipart("/ops/loa-templates", [("country", "gb"), ("template_json", "")],
                                                     file: (filename: "GB.json", data: try Self.gbJSON()))
            #expect(stored.status == 303 && stored.location == "/ops/loa-templates?done=saved&country=GB", "\(stored.text.prefix(2000))")
            let listed = try await ops.get("/ops/loa-templates?done=saved&country=GB")
            expectPage(listed, status: 200, contains: ["The template is stored", Self.gbTitle, "cupid_code, line_type", "ops-web@portin.test",
                                                       "/ops/loa-templates/GB/preview"])
            let record = try #require(try await service.store.loaTemplates.get(country: "GB"))
            #expect(record.json == String(decoding: try Self.gbJSON(), as: UTF8.self) && record.updatedByEmail == "ops-web@portin.test")
            let sample = try await Self.pdfText(try await ops.get("/ops/loa-templates/GB/preview"))
            #expect(sample.contains(Self.gbTitle) && sample.contains("[Losing provider CUPID code]"), "\(sample.prefix(1500))")
            #expect(try await Self.pdfText(try await ops.get("/ops/loa-templates/default/preview")).contains(Self.defaultTitle))
            expectPage(try await ops.get("/ops/loa-templates/FR/preview"), status: 404)

            let (account, auth, browser) = try await service.signedInCustomer()
            let gb = try await Self.internationalDraft(service, account: account, country: "GB", group: "grp_intl_gb")
            let de = try await Self.internationalDraft(service, account: account, country: "DE", group: "grp_intl_de",
                                                       numbers: ["+4930901820"])
            let group = "/app/port/grp_intl_gb"
            let base = group + "/requests/\(gb.id)"

            // The wizard asks for the template's fields, and the LOA cannot be made without them.
            let wizard = try await browser.get(group)
            expectPage(wizard, status: 200, contains: ["name=\"loa_fields.cupid_code\"", "Losing provider CUPID code (required)",
                                                       "name=\"loa_fields.line_type\"", base + "/loa-fields"])
            let missing = try await browser.get(base + "/loa")
            expectPage(missing, status: 422, contains: ["loa_fields.cupid_code: Losing provider CUPID code is required",
                                                        "loa_fields.line_type: Line type (e.g. PSTN, ISDN2, ISDN30, SIP) is required"])
            let link = try await browser.post(base + "/signing-link", [])
            expectPage(link, status: 422, contains: ["No link was sent", "Error: Losing provider CUPID code is required on the LOA"])

            // API: unknown keys and overlong values are refused by field, nothing stored.
            let unknown = try await service.send(.PATCH, "/v1/port-requests/\(gb.id)", auth: auth,
                                                 json: ["loa_fields": ["cupid_code": "CUP-4711", "pac_code": "X1"]])
            expectProblem(unknown, status: 422, fields: ["loa_fields.pac_code"])
            #expect(unknown.problemCodes("loa_fields.pac_code") == ["unknown_field"])
            #expect(unknown.text.contains("cupid_code (Losing provider CUPID code)"))
            let long = try await service.send(.PATCH, "/v1/port-requests/\(gb.id)", auth: auth,
                                              json: ["loa_fields": ["cupid_code": String(repeating: "9", count: 201), "Line-Type": "PSTN"]])
            expectProblem(long, status: 422, fields: ["loa_fields.cupid_code", "loa_fields.Line-Type"])
            #expect(long.problemCodes("loa_fields.cupid_code") == ["too_long"])
            #expect(try await service.store.portRequests.find(id: gb.id, accountId: account.id)?.draft.loaFields == [:])
            let noFields = try await service.send(.PATCH, "/v1/port-requests/\(de.id)", auth: auth, json: ["loa_fields": ["cupid_code": "1"]])
            expectProblem(noFields, status: 422, fields: ["loa_fields.cupid_code"])

            // The wizard saves them (a blank is refused at its input when the LOA is made), then the LOA shows them.
            let tooLong = try await browser.post(base + "/loa-fields", [("loa_fields.cupid_code", String(repeating: "C", count: 201)),
                                                                         ("loa_fields.line_type", "ISDN30")])
            expectPage(tooLong, status: 422, contains: ["The LOA details were not saved", "Error: At most 200 characters."])
            let saved = try await browser.post(base + "/loa-fields", [("loa_fields.cupid_code", "CUP-4711"), ("loa_fields.line_type", "ISDN30")])
            #expect(saved.status == 303 && saved.location == group + "?done=loa_fields#loa-heading", "\(saved.text.prefix(2000))")
            let read = try await service.read(auth, gb.id)
            #expect(read["loa_fields"] as? [String: String] == ["cupid_code": "CUP-4711", "line_type": "ISDN30"])
            expectPage(try await browser.get(group), status: 200, contains: ["value=\"CUP-4711\"", "value=\"ISDN30\""])
            let loa = try await Self.pdfText(try await browser.get(base + "/loa"))
            for expected in [Self.gbTitle, "Losing provider CUPID code", "CUP-4711", "ISDN30", "Line type (e.g. PSTN",
                             "Losing communications provider", "+442079460100", "+442079460101"] {
                #expect(loa.contains(expected), "the GB LOA lacks \(expected)")
            }
            // A field cleared through the API is missing again.
            let cleared = try await service.send(.PATCH, "/v1/port-requests/\(gb.id)", auth: auth, json: ["loa_fields": ["line_type": NSNull()]])
            #expect(cleared.status == 200 && (cleared.json["loa_fields"] as? [String: String]) == ["cupid_code": "CUP-4711"], "\(cleared.text)")
            expectPage(try await browser.get(base + "/loa"), status: 422, contains: ["loa_fields.line_type"])

            // Another country: the default template, no extra fields asked.
            let other = try await browser.get("/app/port/grp_intl_de")
            expectPage(other, status: 200)
            #expect(!other.text.contains("loa_fields."))
            let deLOA = try await Self.pdfText(try await browser.get("/app/port/grp_intl_de/requests/\(de.id)/loa"))
            #expect(deLOA.contains(Self.defaultTitle) && !deLOA.contains("CUPID"))

            // Removed: GB falls back to the default too (the stored values stay, unused).
            _ = try await ops.get("/ops/loa-templates")
            let removed = try await ops.post("/ops/loa-templates/GB/remove", [])
            #expect(removed.status == 303 && removed.location == "/ops/loa-templates?done=removed&country=GB")
            #expect(try await service.store.loaTemplates.get(country: "GB") == nil)
            expectPage(try await ops.post("/ops/loa-templates/GB/remove", []), status: 404)
            let fallback = try await Self.pdfText(try await browser.get(base + "/loa"))
            #expect(fallback.contains(Self.defaultTitle) && !fallback.contains(Self.gbTitle) && !fallback.contains("CUP-4711"))
            #expect(!(try await browser.get(group)).text.contains("loa_fields.cupid_code"))
        }
    }

    @Test("an invalid template is refused with every problem at once, by field, and nothing is stored (nor the stored one replaced)",
          arguments: TestBackend.available)
    func invalidTemplatesAreRefusedWhole(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.signedInOps()
            _ = try await ops.get("/ops/loa-templates")
            let bad = """
            {"id": "gb-bad", "title": "Letter for {subscriber_name}", "paragraphs": ["Your PIN is {pin}.", "Line {line_kind}."],
             "extra_fields": [{"key": "Bad Key", "label": "Bad"}, {"key": "cupid_code", "label": " "}, {"key": "btn", "label": "BTN again"}],
             "numbers_heading": "Numbers", "signature_statement": "Sign here:", "field_labels": {"colour": "Colour"}, "footer": "x"}
            """
            let refused = try await ops.postMultipart("/ops/loa-templates", [("country", "GBR"), ("template_json", bad)], file: nil)
            let text = PageHTML.unescape(refused.text)
            expectPage(refused, status: 422, contains: ["Nothing was stored", "8 problems: nothing was stored"])
            for expected in ["Use an ISO 3166 two-letter country code", "paragraphs[0]: {pin} is not a known placeholder",
                             "paragraphs[1]: {line_kind} is not a known placeholder", "extra_fields[0].key: A field key is",
                             "extra_fields[1].label: This field is required.", "extra_fields[2].key: \"btn\" is already a field",
                             "field_labels.colour: \"colour\" is not a standard field", "footer: Not a template field"] {
                #expect(text.contains(expected), "missing \(expected)")
            }
            #expect(text.contains("Your PIN is {pin}."), "the pasted JSON is shown back to fix")
            #expect(try await service.store.loaTemplates.list().isEmpty)

            // Stored GB stays as it was when its replacement is refused.
            _ = try await ops.postMultipart("/ops/loa-templates", [("country", "GB")], file: (filename: "GB.json", data: try Self.gbJSON()))
            _ = try await ops.get("/ops/loa-templates")
            for (json, message) in [("{\"id\": ", "This is not valid JSON"), ("[1, 2]", "The template must be a JSON object"),
                                    ("", "Paste the template JSON or choose a .json file"),
                                    ("{\"id\": \"x\"}", "title: This field is required")] {
                let again = try await ops.postMultipart("/ops/loa-templates", [("country", "GB"), ("template_json", json)], file: nil)
                expectPage(again, status: 422, contains: ["Nothing was stored"])
                #expect(PageHTML.unescape(again.text).contains(message), "missing \(message)")
            }
            let both = try await ops.postMultipart("/ops/loa-templates", [("country", "GB"), ("template_json", "{}")],
                                                   file: (filename: "GB.json", data: try Self.gbJSON()))
            expectPage(both, status: 422, contains: ["Choose a file or paste JSON, not both."])
            let big = try await ops.postMultipart("/ops/loa-templates", [("country", "GB")],
                                                  file: (filename: "big.json", data: Data(repeating: 0x20, count: LOATemplateInput.maxBytes + 1)))
            expectPage(big, status: 422, contains: ["A template is at most 64 KiB"])
            #expect(try await service.store.loaTemplates.get(country: "GB")?.json == String(decoding: try Self.gbJSON(), as: UTF8.self))
        }
    }

    @Test("customers and visitors cannot reach the template routes; ops forms need the CSRF token", arguments: TestBackend.available)
    func onlyOpsReachTemplates(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.signedInOps()
            _ = try await ops.get("/ops/loa-templates")
            _ = try await ops.postMultipart("/ops/loa-templates", [("country", "GB")], file: (filename: "GB.json", data: try Self.gbJSON()))
            let (_, _, customer) = try await service.signedInCustomer()
            _ = try await customer.get("/app")
            expectPage(try await customer.get("/ops/loa-templates"), status: 403, contains: ["For the porting team only"])
            expectPage(try await customer.get("/ops/loa-templates/GB/preview"), status: 403)
            expectPage(try await customer.postMultipart("/ops/loa-templates", [("country", "FR"), ("template_json", "{}")], file: nil), status: 403)
            expectPage(try await customer.post("/ops/loa-templates/GB/remove", []), status: 403)
            let visitor = TestBrowser(service)
            let anonymous = try await visitor.get("/ops/loa-templates")
            #expect(anonymous.status == 303 && anonymous.location == "/login")
            expectPage(try await ops.post("/ops/loa-templates/GB/remove", [], csrf: .none), status: 403, contains: ["This form has expired"])
            #expect(try await service.store.loaTemplates.list().map(\.country) == ["GB"])
        }
    }

    @Test("ops API: PUT stores a checked template (problem+json with every problem otherwise, nothing stored), GET reads it, DELETE falls back",
          arguments: TestBackend.available)
    func opsAPI(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            var template = try #require(try JSONSerialization.jsonObject(with: try Self.gbJSON()) as? [String: Any])
            template["paragraphs"] = ["Hello {nobody}.", 42]
            template["extra_fields"] = [["key": "9lives", "label": "Lives"]]
            let refused = try await service.send(.PUT, "/v1/ops/loa-templates/GBR", auth: ops, json: template)
            expectProblem(refused, status: 422, code: "validation_failed", fields: ["country", "paragraphs[1]", "extra_fields[0].key"])
            template["paragraphs"] = ["Hello {nobody}."]
            let placeholder = try await service.send(.PUT, "/v1/ops/loa-templates/gb", auth: ops, json: template)
            expectProblem(placeholder, status: 422, fields: ["paragraphs[0]", "extra_fields[0].key"])
            #expect(try await service.store.loaTemplates.list().isEmpty)
            expectProblem(try await service.send(.PUT, "/v1/ops/loa-templates/GB", auth: ops, body: Data("nope".utf8),
                                                 contentType: "application/json"), status: 422, fields: ["template"])

            let put = try await service.send(.PUT, "/v1/ops/loa-templates/gb", auth: ops, body: try Self.gbJSON(), contentType: "application/json")
            #expect(put.status == 200 && put.json["country"] as? String == "GB" && put.json["updated_by"] as? String == "ops@portin.test", "\(put.text)")
            let read = try await service.send(.GET, "/v1/ops/loa-templates/GB", auth: ops)
            let body = try #require(read.json["template"] as? [String: Any])
            #expect(body["title"] as? String == Self.gbTitle && (body["extra_fields"] as? [[String: Any]])?.count == 2)
            #expect((try await service.send(.GET, "/v1/ops/loa-templates", auth: ops).json["data"] as? [[String: Any]])?.count == 1)
            #expect(try await service.send(.DELETE, "/v1/ops/loa-templates/GB", auth: ops).status == 204)
            expectProblem(try await service.send(.GET, "/v1/ops/loa-templates/GB", auth: ops), status: 404)
            expectProblem(try await service.send(.DELETE, "/v1/ops/loa-templates/GB", auth: ops), status: 404)
        }
    }
}
