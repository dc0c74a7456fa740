import Foundation
import PortInCore
import PortInDocuments
import PortInStore
import PortInTestSupport
import Testing
@testable import PortInServer

/// The "Port numbers" wizard and the LOA e-signature over real HTTP: each step's happy path and
/// refusals (every field named, nothing stored), CSRF, other accounts' ids (404), signing in the
/// browser and by an emailed link.
@Suite("Port numbers wizard")
struct WizardPageTests {
    static let numbers = ["+12175220601", "+12175220602"]
    static let wireless = "+13122240601"

    /// The details form as a customer fills it (matching the simulator's record but for `changes`).
    static func details(_ changes: [String: String] = [:]) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("subscriber_type", "business"), ("business_name", "Acme Widgets LLC"), ("first_name", ""), ("last_name", ""),
            ("service_address.house_number", "12"), ("service_address.street", "Main St"), ("service_address.unit", "Suite 200"),
            ("service_address.city", "Springfield"), ("service_address.state", "IL"), ("service_address.postal_code", "62701"),
            ("account_number", "GT-552201"), ("pin", ""), ("btn", numbers[0]), ("requested_foc_date", ""),
            ("authorized_person.name", "Jane Roe"), ("authorized_person.title", "CTO"), ("authorized_person.email", "jane@acme.test"),
            ("notification_emails", "noc@acme.test"),
        ]
        fields = PageHTML.with(fields, changes)
        return fields
    }

    /// Signs in, adds the simulator's subscriber and creates the drafts through the wizard; returns the group page path.
    static func startGroup(_ service: TestService, browser: TestBrowser, changes: [String: String] = [:], addSubscriber: Bool = true)
        async throws -> String {
        if addSubscriber { try service.addSubscriber(numbers: numbers) }
        _ = try await browser.get("/app/port")
        let created = try await browser.post("/app/port/drafts", [("numbers", numbers.joined(separator: "\n"))] + details(changes))
        #expect(created.status == 303, "\(created.text.prefix(3000))")
        let location = try #require(created.location)
        #expect(location.hasPrefix("/app/port/grp_") && location.hasSuffix("?done=created"))
        return String(location.prefix { $0 != "?" })
    }

    static func count(_ service: TestService, account: Account) async throws -> Int {
        try await service.store.portRequests.list(accountId: account.id, filter: PortRequestFilter(), page: PageRequest(limit: 100)).items.count
    }

    @Test("numbers step: pasted in any format or a CSV, each number's portability and the split at once; bad files and no numbers refused, nothing stored",
          arguments: TestBackend.available)
    func numbersStep(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, _, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: Self.numbers)
            try service.addSubscriber(carrier: "acme-wireless", numbers: [Self.wireless], accountNumber: "AW-7781")
            let start = try await browser.get("/app/port")
            expectPage(start, status: 200, contains: ["Port numbers", "Paste the numbers", "Or upload a CSV file", "aria-current=\"page\""])

            let pasted = "+1 (217) 522-0601, 217.522.0602\n12345; 2175220601"
            let checked = try await browser.postMultipart("/app/port/numbers", [("numbers", pasted)],
                                                          file: (filename: "more.csv", data: Data("number,label\n312-224-0601,mobile\n".utf8)))
            expectPage(checked, status: 200, contains: [
                "3 of 5 can be ported", "Granite Telephone", "Acme Wireless", "Geographic", "12345", "listed more than once", "2 left out",
                ": Granite Telephone, Geographic", "(2 numbers)", ": Acme Wireless, Geographic", "(1 number)",
                "Save and check with the carrier",
            ])
            // Only the portable numbers go on to the details step.
            let form = PageHTML.formValues(checked.text, action: "/app/port/drafts")
            #expect(form.first { $0.0 == "numbers" }?.1.contains("+13122240601") == true)
            #expect(form.first { $0.0 == "numbers" }?.1.contains("12345") == false)

            let wrongType = try await browser.postMultipart("/app/port/numbers", [("numbers", "")], file: (filename: "numbers.csv", data: SampleFiles.pdf()))
            expectPage(wrongType, status: 422, contains: ["This file is not a CSV"])
            #expect(PageHTML.fieldBlock(wrongType.text, field: "file")?.contains("not a CSV") == true)
            let binary = try await browser.postMultipart("/app/port/numbers", [("numbers", "")], file: (filename: "n.csv", data: SampleFiles.elf))
            expectPage(binary, status: 422, contains: ["This file is not a CSV"])
            let big = Data(String(repeating: "2175220601\n", count: NumberList.maxCSVBytes / 11 + 1).utf8)
            let oversized = try await browser.postMultipart("/app/port/numbers", [("numbers", "")], file: (filename: "n.csv", data: big))
            expectPage(oversized, status: 422, contains: ["A CSV file may have at most \(NumberList.maxCSVBytes) bytes"])
            let empty = try await browser.postMultipart("/app/port/numbers", [("numbers", " ,, ")], file: nil)
            expectPage(empty, status: 422, contains: ["Paste at least one number or upload a CSV file."])
            let forged = try await browser.postMultipart("/app/port/numbers", [("numbers", pasted)], file: nil, csrf: .none)
            expectPage(forged, status: 403, contains: ["This form has expired"])
            #expect(try await Self.count(service, account: account) == 0)
        }
    }

    @Test("details step: every bad field named at once and nothing stored; continuing creates the split drafts and shows the CSR pre-check at each field; the PIN is never echoed",
          arguments: TestBackend.available)
    func detailsStep(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, _, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: Self.numbers)
            _ = try await browser.get("/app/port")
            let bad = Self.details(["service_address.house_number": "", "service_address.city": "", "authorized_person.name": "",
                                    "authorized_person.email": "not-an-email", "notification_emails": "noc@acme.test, nope",
                                    "requested_foc_date": "someday", "pin": "4417"])
            let refused = try await browser.post("/app/port/drafts", [("numbers", Self.numbers.joined(separator: "\n"))] + bad)
            expectPage(refused, status: 422, contains: ["Nothing was saved"])
            for field in ["service_address.house_number", "service_address.city", "authorized_person.name", "authorized_person.email",
                          "notification_emails", "requested_foc_date"] {
                #expect(PageHTML.fieldBlock(refused.text, field: field)?.contains("field-error") == true, "\(field)")
            }
            #expect(!refused.text.contains("4417"))
            #expect(try await Self.count(service, account: account) == 0)

            let group = try await Self.startGroup(service, browser: browser, changes: ["business_name": "Acme Widget Company"], addSubscriber: false)
            #expect(try await Self.count(service, account: account) == 1)
            let page = try await browser.get(group + "?done=created")
            expectPage(page, status: 200, contains: ["The draft requests are saved", "Preview LOA (PDF)", "Sign in the browser"])
            let business = try #require(PageHTML.fieldBlock(page.text, field: "business_name"))
            #expect(business.contains("Does not match the losing carrier&#39;s record"), "\(business)")
            #expect(!page.text.contains("4417"))

            let fixed = try await browser.post(group + "/details", Self.details())
            #expect(fixed.status == 303 && fixed.location == group + "?done=saved#details-heading", "\(fixed.text.prefix(2000))")
            let again = try await browser.get(group)
            expectPage(again, status: 200, contains: ["The details match the current carrier"])
            #expect(!(PageHTML.fieldBlock(again.text, field: "business_name") ?? "").contains("field-error"))

            // Another account sees none of it.
            let (_, _, other) = try await service.signedInCustomer(name: "Other Co", email: "ann@other.test")
            let id = try #require(try await service.store.portRequests.list(accountId: account.id, filter: PortRequestFilter(),
                                                                            page: PageRequest(limit: 10)).items.first?.id)
            expectPage(try await other.get(group), status: 404)
            expectPage(try await other.get(group + "/requests/\(id)/loa"), status: 404)
            expectPage(try await other.get(group + "/requests/\(id)/sign"), status: 404)
            _ = try await other.get("/app/port")
            expectPage(try await other.post(group + "/details", Self.details(["business_name": "Hijack"])), status: 404)
            expectPage(try await other.post(group + "/requests/\(id)/sign", [("typed_name", "Jane Roe")]), status: 404)
            expectPage(try await other.post(group + "/submit", []), status: 404)
            #expect(try await service.store.portRequests.find(id: id, accountId: account.id)?.draft.businessName == "Acme Widgets LLC")
        }
    }

    @Test("signing in the browser: the preview is the unsigned PDF; refusals name each field; the stored LOA verifies, has the evidence and cannot be signed again or replaced",
          arguments: TestBackend.available)
    func signInBrowser(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth, browser) = try await service.signedInCustomer()
            let group = try await Self.startGroup(service, browser: browser)
            let page = try await browser.get(group)
            let request = try #require(try await service.store.portRequests.group(id: String(group.split(separator: "/").last!),
                                                                                   accountId: account.id).first)
            let base = group + "/requests/\(request.id)"
            let preview = try await browser.get(base + "/loa")
            #expect(preview.status == 200 && preview.contentType == "application/pdf" && preview.body.starts(with: Data("%PDF-".utf8)))
            #expect(page.text.contains(base + "/loa"))

            let form = try await browser.get(base + "/sign")
            expectPage(form, status: 200, contains: ["<canvas", "signature.js", LOASigningService.consentText.prefix(40).description,
                                                     "Use my typed name"])
            let refused = try await browser.post(base + "/sign", [("typed_name", ""), ("title", "CTO"), ("signature", "")])
            expectPage(refused, status: 422, contains: ["Not signed: 3 problems to fix", "Type your full name.",
                                                        "Tick the box to agree", "Draw your signature"])
            let wrongName = try await browser.post(base + "/sign", [("typed_name", "Mallory"), ("title", ""), ("consent", "yes"),
                                                                    ("signature", "data:image/png;base64,AAAA")])
            expectPage(wrongName, status: 422, contains: ["the authorized person must sign it", "The signature image was refused"])
            #expect(try await service.store.documents.list(requestId: request.id, accountId: account.id).isEmpty)
            expectPage(try await browser.post(base + "/sign", [("typed_name", "Jane Roe")], csrf: .none), status: 403)

            let signed = try await browser.post(base + "/sign", [("typed_name", "Jane Roe"), ("title", "CTO"), ("consent", "yes"),
                                                                 ("signature", SignaturePNG.dataURL())])
            #expect(signed.status == 303 && signed.location == group + "?done=signed#loa-heading", "\(signed.text.prefix(2000))")
            let documents = try await service.store.documents.list(requestId: request.id, accountId: account.id)
            let loa = try #require(documents.first)
            #expect(documents.count == 1 && loa.kind == .loa && loa.signedBy == "Jane Roe" && loa.contentType == "application/pdf")
            let bytes = try DocumentFileStore(root: service.documentsDirectory).get(loa.sha256)
            let verification = try #require(LOASigner.verify(signed: Array(bytes)))
            #expect(verification.matches)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-loa-\(UUID().uuidString).pdf")
            defer { try? FileManager.default.removeItem(at: file) }
            try bytes.write(to: file)
            let text = String(decoding: try await ChildProcess.run("/usr/bin/pdftotext", ["-layout", file.path, "-"]).stdout, as: UTF8.self)
            for expected in ["Jane Roe", "CTO", "jane@acme.test", "127.0.0.1", TestBrowser.userAgent, String(verification.recordedSHA256.prefix(16))] {
                #expect(text.contains(expected), "evidence lacks \(expected)")
            }
            let after = try await browser.get(group)
            expectPage(after, status: 200, contains: ["Signed by Jane Roe", "(in the browser)", "LOA: signed by Jane Roe"])

            // Final: not again, not replaced through the API or the request page.
            expectPage(try await browser.get(base + "/sign"), status: 409, contains: ["The LOA is already signed"])
            let replaced = try await service.upload(request.id, auth: auth, fields: [("kind", "loa"), ("signed_by", "Jane Roe"),
                                                                                     ("signed_on", "2027-03-01")],
                                                    file: (filename: "other.pdf", data: SampleFiles.pdf("forged")))
            #expect(replaced.status == 409 && replaced.problemCode == "loa_signed")
            _ = try await browser.get("/app/requests/\(request.id)")
            let pageReplace = try await browser.postMultipart("/app/requests/\(request.id)/documents",
                                                              [("kind", "loa"), ("signed_by", "Jane Roe"), ("signed_on", "2027-03-01")],
                                                              file: (filename: "other.pdf", data: SampleFiles.pdf("forged")))
            expectPage(pageReplace, status: 409, contains: ["The document was not stored", "A signed LOA is final"])
            #expect(try await service.store.documents.list(requestId: request.id, accountId: account.id).count == 1)
            #expect(try DocumentFileStore(root: service.documentsDirectory).get(loa.sha256) == bytes)
        }
    }

    @Test("signing link: emailed through the outbox, the token never logged or stored in clear; signs once without an account; unknown, used and expired links refused",
          arguments: TestBackend.available)
    func signingLink(backend: TestBackend) async throws {
        let capture = LogCapture()
        try await TestService.with(backend, logger: capture.logger) { service in
            let (account, _, browser) = try await service.signedInCustomer()
            let group = try await Self.startGroup(service, browser: browser)
            let request = try #require(try await service.store.portRequests.group(id: String(group.split(separator: "/").last!),
                                                                                   accountId: account.id).first)
            let base = group + "/requests/\(request.id)"
            _ = try await browser.get(group)
            expectPage(try await browser.post(base + "/signing-link", [], csrf: .none), status: 403)
            let sent = try await browser.post(base + "/signing-link", [])
            #expect(sent.status == 303 && sent.location == group + "?done=link_sent#loa-heading")
            expectPage(try await browser.get(group), status: 200, contains: ["A signing link was sent to jane@acme.test"])

            // Queued in the outbox; sent by the outbox worker as an .eml (the file transport).
            let rows = try await service.store.outbox.due(now: .distantFuture, limit: 100).filter { $0.kind == .email }
            let row = try #require(rows.first { String(decoding: $0.payload, as: UTF8.self).contains("signing_link") })
            let mail = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-mail-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: mail) }
            let delivery = EmailOutboxDelivery(store: service.store, transport: FileEmailTransport(directory: mail), clock: service.clock,
                                               from: "PortIn <no-reply@portin.test>", logger: capture.logger)
            #expect(await delivery.deliverDue() >= 1)
            let eml = try Data(contentsOf: mail.appendingPathComponent("\(row.id)@portin.test.eml"))
            let email = try ParsedEmail(eml)
            #expect(email.header("To")?.contains("jane@acme.test") == true)
            #expect(email.subject.contains("Please sign the Letter of Authorization"))
            let text = try #require(email.part("text/plain")?.text)
            let url = try #require(text.split(whereSeparator: \.isWhitespace).first { $0.contains("/sign/") }.map(String.init))
            #expect(url.hasPrefix(service.baseURL + "/sign/"))
            let token = String(url.dropFirst((service.baseURL + "/sign/").count))
            #expect(token.count >= 40)
            #expect(!String(decoding: row.payload, as: UTF8.self).contains(token), "the queued row holds the link sealed")
            let link = try #require(try await service.store.loaSigning.links(requestId: request.id, accountId: account.id).first)
            #expect(link.tokenHash == LOASigningService.tokenHash(token) && link.usedAt == nil)

            let signer = TestBrowser(service)
            let path = "/sign/" + token
            let page = try await signer.get(path)
            expectPage(page, status: 200, contains: ["Sign the Letter of Authorization", request.pon, "<canvas", "Read the LOA (PDF)"])
            let pdf = try await signer.get(path + "/loa")
            #expect(pdf.status == 200 && pdf.contentType == "application/pdf")
            expectPage(try await signer.post(path, [("typed_name", "Jane Roe")], csrf: .none), status: 403)
            let refused = try await signer.post(path, [("typed_name", ""), ("signature", "")])
            expectPage(refused, status: 422, contains: ["Type your full name.", "Tick the box", "Draw your signature"])
            let done = try await signer.post(path, [("typed_name", "Jane Roe"), ("title", "CTO"), ("consent", "yes"),
                                                    ("signature", SignaturePNG.dataURL())])
            expectPage(done, status: 200, contains: ["Signed. Thank you."])
            expectPage(try await signer.get(path), status: 410, contains: ["This signing link was already used"])
            expectPage(try await TestBrowser(service).get("/sign/not-a-real-token"), status: 404, contains: ["Page not found"])
            expectPage(try await browser.get(group), status: 200, contains: ["Signed by Jane Roe", "(through the emailed link)"])
            let record = try #require(try await service.store.loaSigning.signed(requestId: request.id, accountId: account.id))
            #expect(record.via == "link" && record.signerEmail == "jane@acme.test")

            // Expiry: a link for another draft, 7 days and a second later.
            try service.addSubscriber(numbers: ["+12175220611"], accountNumber: "GT-552211")
            _ = try await browser.get("/app/port")
            let second = try await browser.post("/app/port/drafts", [("numbers", "+12175220611")]
                                                + Self.details(["btn": "+12175220611", "account_number": "GT-552211"]))
            let secondGroup = String(try #require(second.location).prefix { $0 != "?" })
            let secondRequest = try #require(try await service.store.portRequests.group(id: String(secondGroup.split(separator: "/").last!),
                                                                                         accountId: account.id).first)
            _ = try await browser.get(secondGroup)
            #expect(try await browser.post(secondGroup + "/requests/\(secondRequest.id)/signing-link", []).status == 303)
            #expect(await delivery.deliverDue() >= 1)
            let secondToken = try Self.token(in: mail, for: secondRequest.pon)
            service.clock.advance(by: LOASigningService.linkLifetime + 1)
            expectPage(try await TestBrowser(service).get("/sign/" + secondToken), status: 410, contains: ["This signing link has expired"])

            for line in capture.all {
                #expect(!line.contains(token) && !line.contains(secondToken), "logged: \(line)")
            }
        }
    }

    static func token(in mail: URL, for pon: String) throws -> String {
        for name in try FileManager.default.contentsOfDirectory(atPath: mail.path) {
            let email = try ParsedEmail(try Data(contentsOf: mail.appendingPathComponent(name)))
            guard email.subject.contains(pon), let text = email.part("text/plain")?.text else { continue }
            if let url = text.split(whereSeparator: \.isWhitespace).first(where: { $0.contains("/sign/") }) {
                return String(url.split(separator: "/").last!)
            }
        }
        throw HarnessError("no signing email for \(pon)")
    }

    @Test("invoice and submit: an invoice outside the window or of the wrong type or size is refused naming the field, nothing stored; with LOA and invoice the wizard submits",
          arguments: TestBackend.available)
    func invoiceAndSubmit(backend: TestBackend) async throws {
        try await TestService.with(backend, limits: ServiceLimits(maxUploadBytes: 64 * 1024)) { service in
            let (account, _, browser) = try await service.signedInCustomer()
            let group = try await Self.startGroup(service, browser: browser)
            let request = try #require(try await service.store.portRequests.group(id: String(group.split(separator: "/").last!),
                                                                                   accountId: account.id).first)
            let base = group + "/requests/\(request.id)"
            _ = try await browser.get(group)

            // Submitting too early lists every missing piece at once.
            let early = try await browser.post(group + "/submit", [])
            expectPage(early, status: 422, contains: ["Nothing was submitted", "Letter of authorization: A signed Letter of Authorization is required.",
                                                      "Invoice: A recent invoice"])

            let today = BusinessCalendar.usFederal.localDate(of: service.clock.now())
            let old = CivilDate(daysSinceEpoch: today.daysSinceEpoch - 90)
            let stale = try await browser.postMultipart(base + "/invoice", [("invoice_date", old.description)],
                                                        file: (filename: "bill.txt", data: SampleFiles.plainText))
            expectPage(stale, status: 415, contains: ["The invoice was not stored", "90 days ago", "Upload a PDF, PNG, JPEG or TIFF"])
            let big = try await browser.postMultipart(base + "/invoice", [("invoice_date", today.description)],
                                                      file: (filename: "bill.pdf", data: SampleFiles.pdf(size: 64 * 1024 + 1)))
            expectPage(big, status: 413, contains: ["At most 65536 bytes"])
            let future = try await browser.postMultipart(base + "/invoice", [("invoice_date", CivilDate(daysSinceEpoch: today.daysSinceEpoch + 3).description)],
                                                         file: (filename: "bill.pdf", data: SampleFiles.pdf()))
            expectPage(future, status: 422, contains: ["is in the future"])
            expectPage(try await browser.postMultipart(base + "/invoice", [("invoice_date", today.description)],
                                                       file: (filename: "bill.pdf", data: SampleFiles.pdf()), csrf: .none), status: 403)
            #expect(try await service.store.documents.list(requestId: request.id, accountId: account.id).isEmpty)

            let invoiceDate = CivilDate(daysSinceEpoch: today.daysSinceEpoch - 10)
            let stored = try await browser.postMultipart(base + "/invoice", [("invoice_date", invoiceDate.description)],
                                                         file: (filename: "bill.pdf", data: SampleFiles.pdf("bill")))
            #expect(stored.status == 303 && stored.location == group + "?done=invoice#invoice-heading")
            _ = try await browser.get(base + "/sign")
            #expect(try await browser.post(base + "/sign", [("typed_name", "Jane Roe"), ("title", "CTO"), ("consent", "yes"),
                                                            ("signature", SignaturePNG.dataURL())]).status == 303)
            let review = try await browser.get(group)
            expectPage(review, status: 200, contains: ["Invoice: dated \(invoiceDate)", "LOA: signed by Jane Roe", "Submit the request"])
            let submitted = try await browser.post(group + "/submit", [])
            #expect(submitted.status == 303 && submitted.location == "/app/requests/\(request.id)?done=submitted", "\(submitted.text.prefix(3000))")
            #expect(try await service.store.portRequests.find(id: request.id, accountId: account.id)?.status == .submitted)
        }
    }
}
