import Foundation
import PortInCore
import PortInStore
import Vapor

/// The porting team's console: the queue and search, a request's detail with its documents and CSR
/// diff, the actions (through `OpsActionService` and the API's input readers, so no rule exists
/// twice), and the carrier dashboard. Customers get 403, anonymous visitors go to sign in.
struct OpsPageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        let ops = pages.grouped("ops")
        ops.get(use: queue)
        ops.post("jobs", ":job_id", "retry", use: retryJob)
        ops.get("requests", ":id", use: detail)
        ops.get("requests", ":id", "documents", ":document_id", use: document)
        ops.post("requests", ":id", "comments", use: comment)
        ops.post("requests", ":id", "notes", use: note)
        ops.post("requests", ":id", "document-requests", use: requestDocuments)
        ops.post("requests", ":id", "rejections", use: reject)
        ops.post("requests", ":id", "transitions", use: move)
        ops.post("requests", ":id", "cancel", use: cancel)
        ops.get("carriers", use: carriers)
    }

    static let doneNotices: [String: String] = [
        "comment": "The comment is posted; the customer is told by email.",
        "note": "The private note is stored (porting team only).",
        "documents": "The documents are asked for: the request is with the customer (action required).",
        "rejected": "Rejected: the request is with the customer (action required), each reason at its field.",
        "moved": "The request moved.",
        "cancelled": "The request is cancelled (or the cancel is on its way to the carrier).",
        "retried": "The job is queued again with a fresh attempt budget.",
    ]

    private func notice(_ request: Request) -> RequestPage.Notice? {
        guard let done = request.query[String.self, at: "done"], let text = Self.doneNotices[done] else { return nil }
        return RequestPage.Notice(ok: true, title: text)
    }

    // MARK: Queue

    func queue(_ request: Request) async throws -> Response {
        let (user, session) = try request.opsSession()
        let status = request.query[String.self, at: "status"].flatMap(PortStatus.init(rawValue:))
        var page = try await OpsQueuePage.load(
            store: context.store, calendar: context.dependencies.calendar, now: context.clock.now(), status: status,
            cursor: request.query[String.self, at: "cursor"], query: request.query[String.self, at: "q"] ?? "",
            chrome: PageChrome(title: "Ops console", user: user, csrfToken: session.csrfToken, current: "/ops"))
        page.notice = notice(request)
        return HTMLPage.response(page.render())
    }

    func retryJob(_ request: Request) async throws -> Response {
        _ = try request.opsSession()
        _ = try await OpsJobRoutes.retryDead(id: try request.pathParameter("job_id"), store: context.store, now: context.clock.now())
        return HTMLPage.redirect("/ops?done=retried")
    }

    // MARK: Detail

    private func loadPage(_ request: Request, id: String) async throws -> OpsRequestPage {
        let (user, session) = try request.opsSession()
        let service = context.portRequests
        guard let page = try await OpsRequestPage.load(
            store: context.store, id: id, now: context.clock.now(), calendar: context.dependencies.calendar,
            chrome: PageChrome(title: "Ops: request", user: user, csrfToken: session.csrfToken, current: "/ops"),
            csr: { draft, number in try await service.csrCheck(draft, number: number) })
        else { throw Problem.notFound("port request") }
        return page
    }

    func detail(_ request: Request) async throws -> Response {
        _ = try request.opsSession()
        var page = try await loadPage(request, id: try request.pathParameter("id"))
        page.chrome.title = "Ops: " + page.request.pon
        page.notice = notice(request)
        return HTMLPage.response(page.render())
    }

    /// A stored document shown inline, framed only by our own pages.
    func document(_ request: Request) async throws -> Response {
        _ = try request.opsSession()
        let id = try request.pathParameter("id")
        guard let stored = try await context.store.portRequests.opsFind(id: id),
              let document = try await context.store.documents.find(id: try request.pathParameter("document_id"), requestId: id,
                                                                    accountId: stored.accountId)
        else { throw Problem.notFound("document") }
        let response = try DocumentRoutes.fileResponse(document, files: context.files)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "frame-ancestors 'self'")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "SAMEORIGIN")
        return response
    }

    // MARK: Actions

    /// Runs `action` on the request of the path; a refusal re-renders the page with the form's values
    /// and every problem (renamed to the form's inputs by `rename`), nothing changed.
    private func act(_ request: Request, form name: String, values: [String: String], done: String,
                     rename: @escaping (String) -> String = { $0 },
                     _ action: (User, StoredPortRequest) async throws -> Void) async throws -> Response {
        let (user, _) = try request.opsSession()
        let id = try request.pathParameter("id")
        guard let stored = try await context.store.portRequests.opsFind(id: id) else { throw Problem.notFound("port request") }
        do {
            try await action(user, stored)
            return HTMLPage.redirect("/ops/requests/" + PageFormat.pathSegment(id) + "?done=" + done)
        } catch let problem as Problem where problem.status != .notFound {
            var page = try await loadPage(request, id: id)
            var errors = problem.errors
            for index in errors.indices { errors[index].field = rename(errors[index].field) }
            page.forms[name] = OpsRequestPage.FormState(values: values, errors: FormErrors(errors))
            page.notice = RequestPage.Notice(ok: false, title: problem.title + ": nothing was changed",
                                             text: errors.isEmpty ? problem.detail : "See the problems in the form below.")
            return HTMLPage.response(page.render(), status: problem.status)
        }
    }

    func comment(_ request: Request) async throws -> Response {
        try await addComment(request, visibility: .customer, form: "comment", done: "comment")
    }

    func note(_ request: Request) async throws -> Response {
        try await addComment(request, visibility: .internal, form: "note", done: "note")
    }

    private func addComment(_ request: Request, visibility: CommentVisibility, form: String, done: String) async throws -> Response {
        let body = FormBody.fields(request)["body"] ?? ""
        let actions = context.opsActions
        return try await act(request, form: form, values: ["body": body], done: done) { user, stored in
            let (text, checked) = try OpsActionInput.comment(["body": .string(body), "visibility": .string(visibility.rawValue)])
            _ = try await actions.addComment(by: user, on: stored, body: text, visibility: checked)
        }
    }

    func requestDocuments(_ request: Request) async throws -> Response {
        let form = FormBody.fields(request)
        // The checked kinds in form order: the API body's `documents[i]` is the i-th of them.
        let kinds = DocumentKind.allCases.filter { form["documents.\($0.rawValue)"] != nil }
        let items: [JSONValue] = kinds.map { kind in
            let key = "documents.\(kind.rawValue)"
            var item: [String: JSONValue] = ["kind": .string(kind.rawValue)]
            if let code = form[key + ".code"], !code.isEmpty { item["code"] = .string(code) }
            if let note = form[key + ".note"], !note.isEmpty { item["note"] = .string(note) }
            return .object(item)
        }
        let object: [String: JSONValue] = ["documents": .array(items), "message": .string(form["documents_message"] ?? "")]
        let actions = context.opsActions
        return try await act(request, form: "documents", values: form, done: "documents", rename: { field in
            if field == "message" { return "documents_message" }
            return Self.renameIndexed(field, prefix: "documents") { kinds.indices.contains($0) ? "documents.\(kinds[$0].rawValue)" : nil }
        }) { user, stored in
            let (items, message) = try OpsActionInput.documentRequest(object)
            _ = try await actions.requestDocuments(by: user, on: stored, items: items, message: message)
        }
    }

    func reject(_ request: Request) async throws -> Response {
        let form = FormBody.fields(request)
        // Rows with anything filled in, in order: the body's `reasons[i]` is the i-th of them. (Input names use
        // dots, not brackets, which the form decoder reading the CSRF token would take for nesting.)
        let rows = (0..<OpsRequestPage.rejectRows).filter { row in
            ["code", "field", "note"].contains { !(form["reasons.\(row).\($0)"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let reasons: [JSONValue] = rows.map { row in
            var reason: [String: JSONValue] = [:]
            for key in ["code", "field", "note"] {
                if let value = form["reasons.\(row).\(key)"], !value.isEmpty { reason[key] = .string(value) }
            }
            return .object(reason)
        }
        let object: [String: JSONValue] = ["reasons": .array(reasons), "message": .string(form["reject_message"] ?? "")]
        let actions = context.opsActions
        return try await act(request, form: "reject", values: form, done: "rejected", rename: { field in
            if field == "message" { return "reject_message" }
            return Self.renameIndexed(field, prefix: "reasons") { rows.indices.contains($0) ? "reasons.\(rows[$0])" : nil }
        }) { user, stored in
            let (reasons, message) = try OpsActionInput.rejection(object)
            _ = try await actions.reject(by: user, on: stored, reasons: reasons, message: message)
        }
    }

    func move(_ request: Request) async throws -> Response {
        let form = FormBody.fields(request)
        var object: [String: JSONValue] = ["to": .string(form["move_to"] ?? ""), "reason": .string(form["move_reason"] ?? "")]
        if let date = form["foc_date"], !date.isEmpty { object["foc_date"] = .string(date) }
        let actions = context.opsActions
        let calendar = context.dependencies.calendar
        let today = calendar.localDate(of: context.clock.now())
        return try await act(request, form: "move", values: form, done: "moved", rename: { ["to": "move_to", "reason": "move_reason"][$0] ?? $0 }) {
            user, stored in
            let input = try OpsActionInput.move(object, today: today, calendar: calendar)
            _ = try await actions.move(stored, to: input.to, by: user, reason: input.reason, focDate: input.focDate)
        }
    }

    func cancel(_ request: Request) async throws -> Response {
        let form = FormBody.fields(request)
        let actions = context.opsActions
        let calendar = context.dependencies.calendar
        let today = calendar.localDate(of: context.clock.now())
        return try await act(request, form: "cancel", values: form, done: "cancelled", rename: { $0 == "reason" ? "cancel_reason" : $0 }) {
            user, stored in
            guard let target = PortRequestService.cancelTarget(from: stored.status) else {
                throw Problem(.conflict, code: "invalid_transition", title: "Not allowed in this status",
                              detail: "A request that is \(stored.status.rawValue) cannot be cancelled.")
            }
            let input = try OpsActionInput.move(["to": .string(target.rawValue), "reason": .string(form["cancel_reason"] ?? "")],
                                                today: today, calendar: calendar)
            _ = try await actions.move(stored, to: input.to, by: user, reason: input.reason, focDate: nil)
        }
    }

    /// `prefix[i].rest` -> `name(i).rest` (an API body's array index to the form's input name).
    static func renameIndexed(_ field: String, prefix: String, _ name: (Int) -> String?) -> String {
        guard field.hasPrefix(prefix + "["), let close = field.firstIndex(of: "]"),
              let index = Int(field[field.index(field.startIndex, offsetBy: prefix.count + 1)..<close]), let base = name(index)
        else { return field }
        return base + field[field.index(after: close)...]
    }

    // MARK: Carriers

    func carriers(_ request: Request) async throws -> Response {
        let (user, session) = try request.opsSession()
        let page = try await OpsCarriersPage.load(store: context.store, calendar: context.dependencies.calendar,
                                                  chrome: PageChrome(title: "Carrier dashboard", user: user, csrfToken: session.csrfToken,
                                                                     current: "/ops/carriers"))
        return HTMLPage.response(page.render())
    }
}
