import Foundation
import PortInCore
import PortInStore
import Vapor

/// The customer's pages: dashboard, request page (with its forms) and numbers. Every form goes
/// through the same services as the API; a refusal re-renders the page with each problem next to
/// its field and nothing changed.
struct CustomerPageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        let app = pages.grouped("app")
        app.get(use: dashboard)
        app.get("requests", ":id", use: requestPage)
        app.post("requests", ":id", "fields", use: correct)
        app.on(.POST, "requests", ":id", "documents", body: .collect(maxSize: ByteCount(value: context.limits.maxUploadBytes + 64 * 1024)),
               use: upload)
        app.post("requests", ":id", "submit", use: submit)
        app.post("requests", ":id", "cancel", use: cancel)
        app.post("requests", ":id", "comments", use: comment)
        app.get("requests", ":id", "documents", ":document_id", use: download)
        app.get("numbers", use: numbers)
        app.post("numbers", ":e164", "application", use: attach)
        app.post("applications", use: createApplication)
    }

    // MARK: Dashboard

    func dashboard(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        return HTMLPage.response(try await DashboardPage.load(store: context.store, session: session).render())
    }

    // MARK: Request page

    static let doneNotices: [String: String] = [
        "saved": "Your changes are saved.",
        "submitted": "Submitted. The request is on its way to the carrier; nothing to do until it answers.",
        "uploaded": "The document is stored with the request.",
        "comment": "Your comment is posted.",
        "cancelled": "The request is cancelled.",
        "cancel_requested": "Cancel requested: the carrier confirms it shortly.",
    ]

    func requestPage(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        guard var page = try await RequestPage.load(store: context.store, session: session, id: id) else {
            throw Problem.notFound("port request")
        }
        if let done = request.query[String.self, at: "done"], let text = Self.doneNotices[done] {
            page.notice = RequestPage.Notice(ok: true, title: text)
        }
        return HTMLPage.response(page.render())
    }

    /// The request page again, adjusted (values sent back, problems placed), with `status`.
    private func again(_ session: CustomerSession, id: String, status: HTTPResponseStatus,
                       _ adjust: (inout RequestPage) -> Void) async throws -> Response {
        guard var page = try await RequestPage.load(store: context.store, session: session, id: id) else {
            throw Problem.notFound("port request")
        }
        adjust(&page)
        return HTMLPage.response(page.render(), status: status)
    }

    private func redirect(_ id: String, done: String, anchor: String = "") -> Response {
        HTMLPage.redirect("/app/requests/" + PageFormat.pathSegment(id) + "?done=" + done + anchor)
    }

    /// The correction form: the same correction as `PATCH`, then (when asked) the same submit.
    func correct(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        guard let current = try await context.store.portRequests.find(id: id, accountId: session.account.id) else {
            throw Problem.notFound("port request")
        }
        var form = FormBody.fields(request)
        let object = RequestPage.patchObject(form, subscriberType: current.draft.subscriberType,
                                             country: current.draft.serviceAddress?.country ?? current.draft.country)
        // The PIN is never sent back to the browser.
        form["pin"] = nil
        do {
            _ = try await context.portRequests.correct(account: session.account, id: id) { object }
        } catch let problem as Problem where problem.status != .notFound {
            return try await again(session, id: id, status: problem.status) { page in
                page.values = form
                page.formErrors = FormErrors(problem.errors)
                page.notice = RequestPage.Notice(ok: false, title: "Nothing was saved",
                                                 text: problem.errors.isEmpty ? problem.detail : "Fix the problems shown next to the fields.")
            }
        }
        guard form["intent"] == "resubmit" else { return redirect(id, done: "saved") }
        return try await submitted(session, id: id, savedFirst: true)
    }

    func submit(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        return try await submitted(session, id: try request.pathParameter("id"), savedFirst: false)
    }

    /// The API's submit: every validation rule and the CSR pre-check; problems shown at their fields.
    private func submitted(_ session: CustomerSession, id: String, savedFirst: Bool) async throws -> Response {
        do {
            _ = try await context.portRequests.submit(account: session.account, id: id)
            return redirect(id, done: "submitted")
        } catch let problem as Problem where problem.status != .notFound {
            return try await again(session, id: id, status: problem.status) { page in
                page.formErrors = FormErrors(problem.errors)
                let count = problem.errors.count
                page.formErrorsTitle = "\(count) problem\(count == 1 ? "" : "s") to fix before the request can be submitted"
                page.notice = RequestPage.Notice(
                    ok: false, title: savedFirst ? "Your changes are saved, but the request was not submitted" : "The request was not submitted",
                    text: problem.errors.isEmpty ? problem.detail : "Fix the problems shown next to the fields, then submit again.")
            }
        }
    }

    /// The multipart form parts of the page's upload form.
    struct UploadForm: Content {
        var kind: String?
        var invoice_date: String?
        var signed_by: String?
        var signed_on: String?
        var file: File?
    }

    func upload(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        let form = (try? request.content.decode(UploadForm.self)) ?? UploadForm()
        // A browser sends an empty, unnamed part when no file was chosen.
        let file = form.file.flatMap { $0.data.readableBytes == 0 && $0.filename.isEmpty ? nil : $0 }
        let upload = DocumentUpload(kind: form.kind, invoiceDate: form.invoice_date, signedBy: form.signed_by, signedOn: form.signed_on,
                                    fileName: file?.filename, bytes: file.map { Data(buffer: $0.data) })
        do {
            _ = try await context.documents.upload(account: session.account, requestId: id, upload)
            return redirect(id, done: "uploaded", anchor: "#documents-heading")
        } catch let problem as Problem where problem.status != .notFound {
            return try await again(session, id: id, status: problem.status) { page in
                page.uploadErrors = FormErrors(problem.errors)
                page.uploadValues = ["kind": form.kind ?? "", "invoice_date": form.invoice_date ?? "", "signed_by": form.signed_by ?? "",
                                     "signed_on": form.signed_on ?? ""]
                page.notice = RequestPage.Notice(ok: false, title: "The document was not stored",
                                                 text: problem.errors.isEmpty ? problem.detail : "Nothing was stored; see the upload form.")
            }
        }
    }

    func cancel(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        guard let current = try await context.store.portRequests.find(id: id, accountId: session.account.id) else {
            throw Problem.notFound("port request")
        }
        let reason = FormBody.fields(request)["reason"] ?? ""
        do {
            let cancelled = try await context.portRequests.cancel(account: session.account, current: current,
                                                                  object: ["reason": .string(reason)])
            return redirect(id, done: cancelled.status == .cancelled ? "cancelled" : "cancel_requested")
        } catch let problem as Problem where problem.status != .notFound {
            return try await again(session, id: id, status: problem.status) { page in
                page.notice = RequestPage.Notice(ok: false, title: problem.title, text: problem.detail)
            }
        }
    }

    func comment(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        guard try await context.store.portRequests.find(id: id, accountId: session.account.id) != nil else {
            throw Problem.notFound("port request")
        }
        let text = FormBody.fields(request)["body"] ?? ""
        do {
            _ = try await context.comments.add(account: session.account, requestId: id, object: ["body": .string(text)])
            return redirect(id, done: "comment", anchor: "#comments-heading")
        } catch let problem as Problem where problem.status != .notFound {
            return try await again(session, id: id, status: problem.status) { page in
                page.commentText = text
                page.commentErrors = FormErrors(problem.errors)
            }
        }
    }

    func download(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let id = try request.pathParameter("id")
        let documentId = try request.pathParameter("document_id")
        guard let document = try await context.store.documents.find(id: documentId, requestId: id, accountId: session.account.id) else {
            throw Problem.notFound("document")
        }
        let response = try DocumentRoutes.fileResponse(document, files: context.files)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    // MARK: Numbers

    static let numberNotices: [String: String] = [
        "attached": "The application is attached.",
        "detached": "The number has no application now.",
        "created": "The application is created; attach numbers to it below.",
    ]

    func numbers(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        var page = try await NumbersPage.load(store: context.store, session: session)
        if let done = request.query[String.self, at: "done"], let text = Self.numberNotices[done] {
            page.notice = RequestPage.Notice(ok: true, title: text)
        }
        return HTMLPage.response(page.render())
    }

    func attach(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let number = try await context.numbers.number(account: session.account, text: try request.pathParameter("e164"))
        let chosen = (FormBody.fields(request)["application_id"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            _ = try await context.numbers.attach(account: session.account, number: number,
                                                 object: ["application_id": chosen.isEmpty ? .null : .string(chosen)])
            return HTMLPage.redirect("/app/numbers?done=" + (chosen.isEmpty ? "detached" : "attached"))
        } catch let problem as Problem where problem.status != .notFound {
            var page = try await NumbersPage.load(store: context.store, session: session)
            page.attachErrors[number.e164] = problem.errors.map(\.message)
            page.notice = RequestPage.Notice(ok: false, title: "Nothing was changed", text: problem.detail)
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    func createApplication(_ request: Request) async throws -> Response {
        let session = try request.customerSession()
        let fields = FormBody.fields(request)
        var object: [String: JSONValue] = [:]
        for key in ["name", "voice_url", "sms_url"] { object[key] = .string(fields[key] ?? "") }
        do {
            _ = try await context.numbers.createApplication(account: session.account, object: object)
            return HTMLPage.redirect("/app/numbers?done=created")
        } catch let problem as Problem where problem.status != .notFound {
            var page = try await NumbersPage.load(store: context.store, session: session)
            page.applicationErrors = FormErrors(problem.errors)
            page.applicationValues = ["name": fields["name"] ?? "", "voice_url": fields["voice_url"] ?? "", "sms_url": fields["sms_url"] ?? ""]
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }
}
