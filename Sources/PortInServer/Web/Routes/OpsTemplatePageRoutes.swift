import Foundation
import PortInCore
import PortInDocuments
import PortInStore
import Vapor

/// `/ops/loa-templates`: per-country international LOA templates (ops only, CSRF on every form),
/// through `LOATemplateService`, the same rules as the LOAs that use them.
struct OpsTemplatePageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        let templates = pages.grouped("ops", "loa-templates")
        templates.get(use: list)
        templates.on(.POST, body: .collect(maxSize: ByteCount(value: LOATemplateInput.maxBytes * 2 + 64 * 1024)), use: save)
        templates.post(":country", "remove", use: remove)
        templates.get(":country", "preview", use: preview)
    }

    static let notices: [String: String] = [
        "saved": "The template is stored: LOAs of that country made from now on use it.",
        "removed": "The template is removed: that country's LOAs use the built-in international template again.",
    ]

    private func page(_ request: Request) async throws -> OpsTemplatesPage {
        let (user, session) = try request.opsSession()
        return try await OpsTemplatesPage.load(store: context.store, chrome: PageChrome(title: "LOA templates", user: user,
                                                                                        csrfToken: session.csrfToken,
                                                                                        current: OpsTemplatesPage.path))
    }

    func list(_ request: Request) async throws -> Response {
        var page = try await page(request)
        if let done = request.query[String.self, at: "done"], let text = Self.notices[done] {
            page.notice = RequestPage.Notice(ok: true, title: text + (request.query[String.self, at: "country"].map { " (\($0))" } ?? ""))
        }
        if let edit = request.query[String.self, at: "edit"].flatMap(LOATemplateInput.country),
           let row = page.rows.first(where: { $0.record.country == edit }) {
            page.values = [OpsTemplatesPage.countryField: edit, OpsTemplatesPage.jsonField: row.record.json]
        }
        return HTMLPage.response(page.render())
    }

    struct TemplateForm: Content {
        var country: String?
        var template_json: String?
        var file: File?
    }

    func save(_ request: Request) async throws -> Response {
        let (user, _) = try request.opsSession()
        let form = (try? request.content.decode(TemplateForm.self)) ?? TemplateForm()
        // A browser sends an empty, unnamed part when no file was chosen.
        let file = form.file.flatMap { $0.data.readableBytes == 0 && $0.filename.isEmpty ? nil : $0 }
        let pasted = (form.template_json ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var json = Data(pasted.utf8)
        var values = [OpsTemplatesPage.countryField: String((form.country ?? "").prefix(10)), OpsTemplatesPage.jsonField: String(pasted.prefix(LOATemplateInput.maxBytes))]
        do {
            if let file {
                guard pasted.isEmpty else {
                    throw Problem.field(OpsTemplatesPage.fileField, code: "ambiguous", message: "Choose a file or paste JSON, not both.")
                }
                json = Data(buffer: file.data)
                // Shown back as text only when it is text.
                values[OpsTemplatesPage.jsonField] = String(data: json.prefix(LOATemplateInput.maxBytes), encoding: .utf8) ?? ""
            }
            let (record, _) = try await context.loaTemplates.put(country: form.country, json: json, by: user)
            return HTMLPage.redirect(OpsTemplatesPage.path + "?done=saved&country=" + PageFormat.pathSegment(record.country))
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            var page = try await page(request)
            page.values = values
            // The JSON's problems go with the template input; the JSON path stays in each.
            page.errors = FormErrors(problem.errors.map { error in
                error.field == "template" ? FieldError(field: OpsTemplatesPage.jsonField, code: error.code, message: error.message) : error
            })
            page.notice = RequestPage.Notice(ok: false, title: "Nothing was stored", text: "Fix every problem listed, then send it again.")
            return HTMLPage.response(page.render(), status: .unprocessableEntity)
        }
    }

    func remove(_ request: Request) async throws -> Response {
        _ = try request.opsSession()
        let country = try request.pathParameter("country")
        try await context.loaTemplates.remove(country: country)
        return HTMLPage.redirect(OpsTemplatesPage.path + "?done=removed&country=" + PageFormat.pathSegment(country.uppercased()))
    }

    /// A sample LOA of the stored template (`default`: the built-in one), made-up content.
    func preview(_ request: Request) async throws -> Response {
        _ = try request.opsSession()
        let country = try request.pathParameter("country")
        let template: LOATemplate
        if country == "default" {
            template = .internationalDefault
        } else {
            guard let code = LOATemplateInput.country(country), try await context.store.loaTemplates.get(country: code) != nil else {
                throw Problem(.notFound, code: "not_found", title: "Not found", detail: "No LOA template is stored for this country.")
            }
            template = try await context.loaTemplates.template(country: code)
        }
        let bytes = try LOATemplateService.samplePDF(template, country: country == "default" ? "XX" : country.uppercased(),
                                                     at: context.clock.now(), calendar: context.dependencies.calendar)
        return try WizardPageRoutes.pdf(bytes, name: "LOA-template-\(country.uppercased())-sample.pdf")
    }
}
