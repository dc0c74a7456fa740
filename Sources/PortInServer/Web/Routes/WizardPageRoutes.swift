import Foundation
import PortInCore
import PortInStore
import Vapor

/// The "Port numbers" wizard under `/app/port`. It keeps no state of its own: the numbers travel in
/// the form until the details are sent, then the drafts create opened are its storage, found by
/// their group id in the URL and read only with the customer's account id (another account's group is 404).
struct WizardPageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        let port = pages.grouped("app", "port")
        port.get(use: start)
        port.on(.POST, "numbers", body: .collect(maxSize: ByteCount(value: NumberList.maxCSVBytes + 256 * 1024)), use: checkNumbers)
        port.post("drafts", use: createDrafts)
        port.get(":group", use: group)
        port.post(":group", "details", use: details)
        port.get(":group", "requests", ":id", "loa", use: previewLOA)
        port.post(":group", "requests", ":id", "loa-fields", use: saveLOAFields)
        port.get(":group", "requests", ":id", "sign", use: signPage)
        port.on(.POST, ":group", "requests", ":id", "sign", body: .collect(maxSize: "1mb"), use: sign)
        port.post(":group", "requests", ":id", "signing-link", use: sendLink)
        port.on(.POST, ":group", "requests", ":id", "invoice",
                body: .collect(maxSize: ByteCount(value: context.limits.maxUploadBytes + 64 * 1024)), use: invoice)
        port.post(":group", "submit", use: submit)
    }

    static let notices: [String: String] = [
        "created": "The draft requests are saved. Check the details against the carrier's record, then sign the LOA.",
        "saved": "Your changes are saved and checked again with the carrier.",
        "signed": "The LOA is signed and stored with the request. It cannot be changed now.",
        "link_sent": "The signing link is on its way by email. This page shows the LOA as signed once it is.",
        "invoice": "The invoice is stored with the request.",
        "loa_fields": "The LOA details are saved. Preview the LOA to see them.",
    ]

    // MARK: Steps 1 and 2: numbers, portability, split preview, details

    func start(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        return HTMLPage.response(WizardStartPage(session: session).render())
    }

    struct NumbersForm: Content {
        var numbers: String?
        var file: File?
    }

    func checkNumbers(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = WizardStartPage(session: session)
        let form = (try? request.content.decode(NumbersForm.self)) ?? NumbersForm()
        page.text = form.numbers ?? ""
        var entries = NumberList.parse(page.text)
        var errors: [FieldError] = []
        // A browser sends an empty, unnamed part when no file was chosen.
        if let file = form.file, file.data.readableBytes > 0 || !file.filename.isEmpty {
            switch NumberList.csvText(Data(buffer: file.data)) {
            case .success(let text): entries += NumberList.parse(text)
            case .failure(let error): errors.append(FieldError(field: "file", code: "invalid_csv", message: NumberList.message(error)))
            }
        }
        if entries.isEmpty && errors.isEmpty {
            errors.append(FieldError(field: "numbers", code: "required", message: "Paste at least one number or upload a CSV file."))
        }
        if entries.count > context.limits.maxNumbersPerCall {
            errors.append(FieldError(field: "numbers", code: "too_many",
                                     message: "At most \(context.limits.maxNumbersPerCall) numbers at once; this has \(entries.count)."))
        }
        guard errors.isEmpty else {
            page.numbersErrors = FormErrors(errors)
            return HTMLPage.response(page.render(), status: .unprocessableEntity)
        }
        try await checked(&page, entries)
        return HTMLPage.response(page.render())
    }

    /// Fills the portability of `entries` and the split create would make of the portable ones.
    private func checked(_ page: inout WizardStartPage, _ entries: [String]) async throws {
        let outcomes = try await context.portability.check(entries)
        page.outcomes = outcomes
        page.plan = PortRequestService.plan(outcomes.filter(\.portable), maxNumbersPerRequest: context.limits.maxNumbersPerRequest)
    }

    func createDrafts(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        try PortRequestService.requireStandardPlan(session.account)
        var form = FormBody.fields(request)
        let numbers = NumberList.parse(form["numbers"] ?? "")
        let object = WizardDetails.object(form)
        form["pin"] = nil
        var reader = InputReader()
        let fields = PortRequestFieldsInput.read(object, into: &reader)
        if numbers.isEmpty { reader.add("numbers", "required", "No portable numbers: start again with the numbers to port.") }
        do {
            guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
            let group = try await context.portRequests.create(account: session.account, fields: fields, numbers: numbers)
            return HTMLPage.redirect(WizardStartPage.path + "/" + PageFormat.pathSegment(group.groupId) + "?done=created")
        } catch let problem as Problem where problem.status != .notFound && problem.status != .forbidden {
            var page = WizardStartPage(session: session)
            page.text = numbers.joined(separator: "\n")
            try await checked(&page, numbers)
            page.values = form
            page.detailErrors = FormErrors(problem.errors)
            page.notice = RequestPage.Notice(ok: false, title: "Nothing was saved",
                                             text: problem.errors.isEmpty ? problem.detail : "Fix the problems shown next to the fields.")
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    // MARK: The group: details again, LOA, invoice, submit

    private func load(_ session: CustomerSession, _ request: Request, csrCheck: Bool = true) async throws -> WizardGroupPage {
        guard let page = try await WizardGroupPage.load(context: context, session: session, groupId: try request.pathParameter("group"),
                                                        csrCheck: csrCheck) else {
            throw Problem.notFound("port request group")
        }
        return page
    }

    /// The draft `:id` of the group `:group`, both the customer's; 404 otherwise.
    private func draft(_ page: WizardGroupPage, _ request: Request) throws -> WizardGroupPage.Draft {
        let id = try request.pathParameter("id")
        guard let draft = page.drafts.first(where: { $0.request.id == id }) else { throw Problem.notFound("port request") }
        return draft
    }

    private func redirect(_ page: WizardGroupPage, done: String, anchor: String) -> Response {
        HTMLPage.redirect(page.path + "?done=" + done + anchor)
    }

    func group(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = try await load(session, request)
        if let done = request.query[String.self, at: "done"], let text = Self.notices[done] {
            page.notice = RequestPage.Notice(ok: true, title: text)
        }
        return HTMLPage.response(page.render())
    }

    /// The details form applied to every draft of the group still editable (the same PATCH).
    func details(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let page = try await load(session, request, csrCheck: false)
        var form = FormBody.fields(request)
        let object = WizardDetails.object(form)
        form["pin"] = nil
        do {
            for draft in page.drafts where draft.editable {
                _ = try await context.portRequests.correct(account: session.account, id: draft.request.id) { object }
            }
            return redirect(page, done: "saved", anchor: "#details-heading")
        } catch let problem as Problem where problem.status != .notFound {
            var again = try await load(session, request, csrCheck: false)
            again.values = form
            again.detailErrors = FormErrors(problem.errors)
            again.notice = RequestPage.Notice(ok: false, title: "Nothing was saved",
                                              text: problem.errors.isEmpty ? problem.detail : "Fix the problems shown next to the fields.")
            return HTMLPage.response(again.render(), status: problem.status)
        }
    }

    func previewLOA(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        return try Self.pdf(try await context.loaSigning.render(draft.request, at: context.clock.now()).bytes, name: "LOA-\(draft.request.pon).pdf")
    }

    /// The country template's extra fields of one draft, through the API's PATCH (`loa_fields`):
    /// a blank input removes its value; problems are shown at the inputs, nothing saved.
    func saveLOAFields(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        let form = FormBody.fields(request)
        var values: [String: JSONValue] = [:]
        var shown: [String: String] = [:]
        for field in draft.loaFields {
            let name = "loa_fields." + field.key
            let text = form[name] ?? ""
            shown[name] = String(text.prefix(LOATemplateService.maxFieldValueLength * 2))
            values[field.key] = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .null : .string(text)
        }
        do {
            _ = try await context.portRequests.correct(account: session.account, id: draft.request.id) { ["loa_fields": .object(values)] }
            return redirect(page, done: "loa_fields", anchor: "#loa-heading")
        } catch let problem as Problem where problem.status != .notFound {
            page.loaFieldErrors[draft.request.id] = FormErrors(problem.errors.isEmpty
                ? [FieldError(field: "loa", code: problem.code, message: problem.detail ?? problem.title)] : problem.errors)
            page.loaFieldValues[draft.request.id] = shown
            page.notice = RequestPage.Notice(ok: false, title: "The LOA details were not saved", text: "See the problems in the LOA step.")
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    static func pdf(_ bytes: [UInt8], name: String) throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name.sanitizedFileName ?? "LOA.pdf")\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    private func signPageFor(_ session: CustomerSession, _ page: WizardGroupPage, _ draft: WizardGroupPage.Draft) -> SignPage {
        var chrome = page.chrome
        chrome.title = "Sign the LOA"
        chrome.scripts = [SignForm.script]
        let base = page.requestPath(draft)
        return SignPage(chrome: chrome, request: draft.request, previewURL: base + "/loa", action: base + "/sign",
                        back: (page.path + "#loa-heading", "← Back to the wizard"),
                        values: ["title": draft.request.draft.authorizedPerson?.title ?? ""])
    }

    func signPage(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        try await context.loaSigning.requireSignable(draft.request)
        return HTMLPage.response(signPageFor(session, page, draft).render())
    }

    func sign(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        let form = FormBody.fields(request)
        let email = draft.request.draft.authorizedPerson?.email ?? session.user.email
        do {
            _ = try await context.loaSigning.sign(draft.request, input: SignForm.input(form), email: email,
                                                  signer: Self.signer(request, via: "browser"))
            return redirect(page, done: "signed", anchor: "#loa-heading")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            var again = signPageFor(session, page, draft)
            again.values = ["typed_name": form["typed_name"] ?? "", "title": form["title"] ?? ""]
            again.errors = FormErrors(problem.errors)
            again.notice = RequestPage.Notice(ok: false, title: "Not signed", text: problem.errors.isEmpty ? problem.detail : "Fix the problems shown in the form.")
            return HTMLPage.response(again.render(), status: problem.status)
        }
    }

    /// The evidence the signer's browser gives: its address and user agent.
    static func signer(_ request: Request, via: String) -> SignerContext {
        let agent = request.headers.first(name: .userAgent).map { String($0.prefix(1000)) } ?? ""
        return SignerContext(ipAddress: request.remoteAddress?.ipAddress ?? "unknown", userAgent: agent.isEmpty ? "unknown" : agent, via: via)
    }

    /// The base of links in emails: this server as the browser reached it.
    func baseURL(_ request: Request) -> String {
        let host = request.headers.first(name: .host) ?? "localhost"
        return (context.dependencies.web.secureCookies ? "https://" : "http://") + host
    }

    func sendLink(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        do {
            _ = try await context.loaSigning.sendLink(draft.request, baseURL: baseURL(request))
            return redirect(page, done: "link_sent", anchor: "#loa-heading")
        } catch let problem as Problem where problem.status != .notFound {
            page.signErrors[draft.request.id] = FormErrors(problem.errors.isEmpty
                ? [FieldError(field: "loa", code: problem.code, message: problem.detail ?? problem.title)] : problem.errors)
            page.notice = RequestPage.Notice(ok: false, title: "No link was sent", text: "See the LOA step.")
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    struct InvoiceForm: Content {
        var invoice_date: String?
        var file: File?
    }

    /// The invoice through `DocumentService.upload`, with the date also checked against the
    /// submit rule's window (so an invoice that would block submission is refused now).
    func invoice(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = try await load(session, request, csrCheck: false)
        let draft = try draft(page, request)
        let form = (try? request.content.decode(InvoiceForm.self)) ?? InvoiceForm()
        let file = form.file.flatMap { $0.data.readableBytes == 0 && $0.filename.isEmpty ? nil : $0 }
        var window: [FieldError] = []
        if let text = form.invoice_date?.trimmingCharacters(in: .whitespaces), let date = CivilDate(text) {
            var content = draft.request.draft
            content.documents = [DocumentFacts(kind: .invoice, invoiceDate: date)]
            window = PortRequestValidator.validate(content, context: ValidationContext(now: context.clock.now())).problems
                .filter { $0.field == "documents.invoice" && $0.severity == .error }
                .map { FieldError(field: "invoice_date", code: $0.code, message: $0.message) }
        }
        let upload = DocumentUpload(kind: "invoice", invoiceDate: form.invoice_date, fileName: file?.filename,
                                    bytes: file.map { Data(buffer: $0.data) })
        do {
            _ = try await context.documents.upload(account: session.account, requestId: draft.request.id, upload, extraErrors: window)
            return redirect(page, done: "invoice", anchor: "#invoice-heading")
        } catch let problem as Problem where problem.status != .notFound {
            page.invoiceErrors[draft.request.id] = FormErrors(problem.errors)
            page.invoiceValues[draft.request.id] = form.invoice_date ?? ""
            page.notice = RequestPage.Notice(ok: false, title: "The invoice was not stored", text: "Nothing was stored; see the invoice step.")
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    /// Submits every editable draft through the API's submit; all problems of all drafts shown at once.
    func submit(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let page = try await load(session, request, csrCheck: false)
        var failures: [String: [FieldError]] = [:]
        var status = HTTPResponseStatus.ok
        for draft in page.drafts where draft.editable {
            do {
                _ = try await context.portRequests.submit(account: session.account, id: draft.request.id)
            } catch let problem as Problem where problem.status != .notFound {
                failures[draft.request.id] = problem.errors.isEmpty
                    ? [FieldError(field: "request", code: problem.code, message: problem.detail ?? problem.title)] : problem.errors
                status = problem.status
            }
        }
        guard !failures.isEmpty else {
            if page.drafts.count == 1 {
                return HTMLPage.redirect("/app/requests/" + PageFormat.pathSegment(page.drafts[0].request.id) + "?done=submitted")
            }
            return HTMLPage.redirect("/app?done=submitted")
        }
        var again = try await load(session, request, csrCheck: false)
        again.submitErrors = failures.mapValues { FormErrors($0) }
        var atFields: [FieldError] = []
        for draft in again.drafts {
            for error in failures[draft.request.id] ?? [] where WizardDetails.known.contains(WizardDetails.placed(error.field)) {
                atFields.append(WizardGroupPage.labelled(error, pon: draft.request.pon, of: again.drafts.count))
            }
        }
        again.detailErrors = FormErrors(atFields)
        let submitted = page.drafts.filter(\.editable).count - failures.count
        again.notice = RequestPage.Notice(ok: false, title: submitted == 0 ? "Nothing was submitted" : "\(submitted) submitted, \(failures.count) not",
                                          text: "Each problem is listed under Review and submit, and next to its field in the details.")
        return HTMLPage.response(again.render(), status: status)
    }
}
