import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The customer's dashboard and request page over real HTTP: what they show, and their forms going
/// through the API's services (all problems at once, nothing saved on a refusal).
@Suite("Customer pages")
struct RequestPageTests {
    @Test("the dashboard groups requests by status with counts, next action and dates; empty, it points to the API",
          arguments: TestBackend.available)
    func dashboard(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            let empty = try await browser.get("/app")
            expectPage(empty, status: 200, contains: ["No port requests yet", "POST /v1/port-requests", "href=\"/docs\""])

            try service.addSubscriber(numbers: ["+12175220142", "+12175220144"])
            try service.addSubscriber(numbers: ["+12175220143"], accountNumber: "GT-552202")
            let draft = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let (submitted, _) = try await service.createAndSubmit(
                auth, numbers: ["+12175220143"], fields: TestService.requestFields(accountNumber: "GT-552202", btn: "+12175220143"))
            let rejected = try await service.createRequestId(auth: auth, numbers: ["+12175220144"])
            let reasons = [Rejection(code: .serviceAddressMismatch), Rejection(code: .zipMismatch)]
            _ = try await service.store.portRequests.transition(
                id: rejected, change: StatusChange(from: .draft, to: .actionRequired, reasons: reasons), now: service.clock.now())

            let page = try await browser.get("/app")
            expectPage(page, status: 200, contains: [
                "Action required (1)", "Draft (1)", "Submitted (1)",
                "Fix 2 problems and resubmit", "Complete the details and submit", "Nothing to do: we are sending it to the carrier",
                "href=\"/app/requests/\(draft)\"", "href=\"/app/requests/\(submitted)\"", "href=\"/app/requests/\(rejected)\"",
                "Opened 2027-03-01", "Submitted 2027-03-01", "+1 217 522 0144",
            ])
            // The request waiting on the customer comes first.
            let text = page.text
            let order = [rejected, draft, submitted].compactMap { text.range(of: "/app/requests/\($0)")?.lowerBound }
            #expect(order.count == 3 && order == order.sorted())
        }
    }

    @Test("the action-required journey: a real rejection shows each reason at its field; the inline fix resubmits as version 2 and completes",
          arguments: TestBackend.available)
    func actionRequiredJourney(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            let numbers = ["+12175220421"]
            try service.addSubscriber(numbers: numbers)
            let (id, _) = try await service.createAndSubmit(auth, numbers: numbers)
            // The carrier's record changes before it validates (the customer moved).
            let moved = ServiceAddress(houseNumber: "400", street: "Elm Ave", city: "Springfield", state: "IL", postalCode: "62704")
            try service.addSubscriber(numbers: numbers, address: moved)
            _ = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "action_required" || $0.status == "foc_confirmed" }
            // Days passed on the clock: the session expired meanwhile, so sign in again.
            #expect(try await browser.get("/app").location == "/login")
            #expect(try await browser.signIn("jo@acme.test", "correct horse battery").status == 303)

            let path = "/app/requests/\(id)"
            let page = try await browser.get(path)
            expectPage(page, status: 200, contains: ["Action required", "Fix and resubmit", "Save and resubmit"])
            let address = RejectionCatalog.entry(for: .serviceAddressMismatch)
            let zip = RejectionCatalog.entry(for: .zipMismatch)
            let houseBlock = try #require(PageHTML.fieldBlock(page.text, field: "service_address.house_number"))
            #expect(houseBlock.contains(HTML.escape(address.title)) && houseBlock.contains(HTML.escape(address.fixHint)), "\(houseBlock)")
            let zipBlock = try #require(PageHTML.fieldBlock(page.text, field: "service_address.postal_code"))
            #expect(zipBlock.contains(HTML.escape(zip.title)) && zipBlock.contains(HTML.escape(zip.fixHint)))
            #expect(!(PageHTML.fieldBlock(page.text, field: "business_name") ?? "").contains("class=\"reason\""))
            // The tracker: opened and submitted done, the validation step needs the customer.
            #expect(page.text.contains("<span class=\"step-name\">Carrier validating</span><span class=\"visually-hidden\"> (needs your action)</span>"))

            let form = PageHTML.formValues(page.text, action: path + "/fields")
            #expect(form.contains { $0 == ("service_address.street", "Main St") })
            let fixed = PageHTML.with(form, ["service_address.house_number": "400", "service_address.street": "Elm Ave",
                                             "service_address.unit": "", "service_address.postal_code": "62704", "intent": "resubmit"])
            let answer = try await browser.post(path + "/fields", fixed)
            #expect(answer.status == 303, "\(answer.text.prefix(3000))")
            #expect(answer.location == path + "?done=submitted")
            let after = try await browser.get(answer.location ?? path)
            expectPage(after, status: 200, contains: ["Submitted. The request is on its way to the carrier", "badge submitted"])
            #expect(!after.text.contains("Fix and resubmit"))
            let stored = try await service.read(auth, id)
            #expect(stored["status"] as? String == "submitted" && stored["version"] as? Int == 2)
            #expect((stored["service_address"] as? [String: Any])?["street"] as? String == "Elm Ave")
            #expect((stored["business_name"] as? String) == "Acme Widgets LLC", "untouched fields keep their values")

            let done = try await service.walk(auth, id: id, seen: ["submitted"]) { $0.status == "completed" || $0.status == "action_required" }
            #expect(done.status == "completed")
            #expect(try await browser.signIn("jo@acme.test", "correct horse battery").status == 303)
            let completed = try await browser.get(path)
            let foc = try #require(done.last["foc_date"] as? String)
            expectPage(completed, status: 200, contains: ["badge completed", foc, "Status: Completed", "badge active"])
            #expect(completed.text.components(separatedBy: "<li class=\"done\">").count - 1 == 5, "all five steps reached")
            #expect(!completed.text.contains("Cancel this request"))
        }
    }

    @Test("the correction form reports every problem at once next to its field and saves nothing", arguments: TestBackend.available)
    func correctionProblems(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            try await service.moveToActionRequired(id)
            let before = try #require(try await service.store.portRequests.find(id: id, accountId: account.id))
            let path = "/app/requests/\(id)"
            let form = PageHTML.formValues(try await browser.get(path).text, action: path + "/fields")
            let bad = PageHTML.with(form, ["service_address.street": "", "authorized_person.email": "not-an-email",
                                           "account_number": String(repeating: "9", count: 70), "intent": "resubmit"])
            let answer = try await browser.post(path + "/fields", bad)
            expectPage(answer, status: 422, contains: ["Nothing was saved: 3 problems to fix"])
            let street = try #require(PageHTML.fieldBlock(answer.text, field: "service_address.street"))
            #expect(street.contains("class=\"field-error\"") && street.contains("aria-invalid=\"true\""))
            #expect(try #require(PageHTML.fieldBlock(answer.text, field: "authorized_person.email")).contains("This is not an email address."))
            #expect(try #require(PageHTML.fieldBlock(answer.text, field: "account_number")).contains("At most 64 characters."))
            // What was typed comes back to correct, not the stored values.
            #expect(answer.text.contains("value=\"not-an-email\""))
            let after = try #require(try await service.store.portRequests.find(id: id, accountId: account.id))
            #expect(after == before, "nothing saved")
        }
    }

    @Test("submitting without paperwork shows the validation problems and stays a draft", arguments: TestBackend.available)
    func submitProblems(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let path = "/app/requests/\(id)"
            _ = try await browser.get(path)
            let answer = try await browser.post(path + "/submit", [])
            expectPage(answer, status: 422, contains: ["The request was not submitted", "Letter of authorization: A signed Letter of Authorization is required."])
            #expect(try await service.read(auth, id)["status"] as? String == "draft")
        }
    }

    @Test("uploads: too large and wrong type are refused with a clear message and nothing stored; a good one is listed and downloads",
          arguments: TestBackend.available)
    func uploads(backend: TestBackend) async throws {
        try await TestService.with(backend, limits: ServiceLimits(maxUploadBytes: 4096)) { service in
            let (account, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let path = "/app/requests/\(id)"
            _ = try await browser.get(path)

            let large = try await browser.postMultipart(path + "/documents", [("kind", "other"), ("invoice_date", "")],
                                                        file: ("big.pdf", SampleFiles.pdf(size: 6000)))
            expectPage(large, status: 413, contains: ["The document was not stored", "At most 4096 bytes; this file has 6000."])
            #expect(try #require(PageHTML.fieldBlock(large.text, field: "file")).contains("At most 4096 bytes"))
            let text = try await browser.postMultipart(path + "/documents", [("kind", "invoice"), ("invoice_date", "2027-02-20")],
                                                       file: ("invoice.pdf", Data("just text, not a PDF".utf8)))
            expectPage(text, status: 415, contains: ["Upload a PDF, PNG, JPEG or TIFF; the content of this file is none of those."])
            #expect(text.text.contains("value=\"2027-02-20\""), "the typed date comes back")
            let undated = try await browser.postMultipart(path + "/documents", [("kind", "invoice"), ("invoice_date", "")],
                                                          file: ("invoice.pdf", SampleFiles.pdf("invoice")))
            expectPage(undated, status: 422, contains: ["An invoice needs its invoice date."])
            let noFile = try await browser.postMultipart(path + "/documents", [("kind", "other")], file: ("", Data()))
            expectPage(noFile, status: 422, contains: ["Attach the file"])
            #expect(try await service.runtime.count("documents") == 0)
            #expect(service.storedDocumentFiles() == [])

            let pdf = SampleFiles.pdf("invoice")
            let good = try await browser.postMultipart(path + "/documents", [("kind", "invoice"), ("invoice_date", "2027-02-20")],
                                                       file: ("march-invoice.pdf", pdf))
            #expect(good.status == 303 && good.location == path + "?done=uploaded#documents-heading")
            let listed = try await browser.get(path)
            expectPage(listed, status: 200, contains: ["Invoice: march-invoice.pdf", "invoice dated 2027-02-20"])
            let documents = try await service.store.documents.list(requestId: id, accountId: account.id)
            let download = try await browser.get(path + "/documents/" + (documents.first?.id ?? "-"))
            #expect(download.status == 200 && download.body == pdf && download.contentType == "application/pdf")
        }
    }

    @Test("cancel within 48 hours of the FOC is refused with the API's message; earlier it cancels", arguments: TestBackend.available)
    func cancel(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142", "+12175220143"])
            let near = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            try await service.force(near, through: [.submitted, .carrierReview, .pendingLosingCarrier])
            _ = try await service.store.portRequests.transition(
                id: near, change: StatusChange(from: .pendingLosingCarrier, to: .focConfirmed, focDate: CivilDate("2027-03-02")),
                now: service.clock.now())
            let path = "/app/requests/\(near)"
            _ = try await browser.get(path)
            let refused = try await browser.post(path + "/cancel", [("reason", "changed our mind")])
            let api = try await service.send(.POST, "/v1/port-requests/\(near)/cancel", auth: auth)
            expectProblem(api, status: 409, code: "cancel_window_closed")
            let detail = try #require(api.json["detail"] as? String)
            expectPage(refused, status: 409, contains: ["Too close to the port date to cancel", HTML.escape(detail)])
            #expect(try await service.read(auth, near)["status"] as? String == "foc_confirmed")

            let draft = try await service.createRequestId(auth: auth, numbers: ["+12175220143"])
            _ = try await browser.get("/app/requests/\(draft)")
            let cancelled = try await browser.post("/app/requests/\(draft)/cancel", [("reason", "")])
            #expect(cancelled.status == 303 && cancelled.location == "/app/requests/\(draft)?done=cancelled")
            #expect(try await service.read(auth, draft)["status"] as? String == "cancelled")
        }
    }

    @Test("comments: customer-visible ones only, and posting one", arguments: TestBackend.available)
    func comments(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            _ = try await service.store.comments.add(requestId: id, accountId: account.id, author: .portingTeam, authorId: nil,
                                                     visibility: .internal, body: "internal: carrier is slow", now: service.clock.now())
            _ = try await service.store.comments.add(requestId: id, accountId: account.id, author: .portingTeam, authorId: nil,
                                                     visibility: .customer, body: "We are on it.", now: service.clock.now())
            let path = "/app/requests/\(id)"
            let page = try await browser.get(path)
            expectPage(page, status: 200, contains: ["We are on it.", "Porting team"])
            #expect(!page.text.contains("carrier is slow"))
            let empty = try await browser.post(path + "/comments", [("body", "   ")])
            expectPage(empty, status: 422, contains: ["Error: "])
            let posted = try await browser.post(path + "/comments", [("body", "Any news?")])
            #expect(posted.status == 303)
            expectPage(try await browser.get(path), status: 200, contains: ["Any news?", "Comment added"])
        }
    }

    @Test("names and comments with markup render as text", arguments: TestBackend.available)
    func escaping(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer(name: "<b>Acme</b> & Co")
            try service.addSubscriber(numbers: ["+12175220142"])
            var fields = TestService.requestFields(btn: "+12175220142")
            fields["business_name"] = "<script>alert(1)</script>"
            fields["customer_reference"] = "\"><img src=x onerror=alert(2)>"
            let id = try await service.createRequest(auth: auth, numbers: ["+12175220142"], fields: fields).id
            let path = "/app/requests/\(id)"
            _ = try await browser.get(path)
            _ = try await browser.post(path + "/comments", [("body", "<script>alert(3)</script>")])
            let page = try await browser.get(path)
            #expect(page.status == 200)
            #expect(!page.text.contains("<script>alert"))
            #expect(!page.text.contains("<img src=x"))
            #expect(page.text.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(page.text.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
            #expect(page.text.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            let dashboard = try await browser.get("/app")
            #expect(dashboard.text.contains("&lt;b&gt;Acme&lt;/b&gt; &amp; Co") && !dashboard.text.contains("<b>Acme"))
        }
    }
}
