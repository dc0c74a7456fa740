import Foundation
import PortInCore
import PortInDocuments
import PortInStore

/// Per-country LOA templates: which template an international request's LOA uses (the one ops
/// stored for its country, else `LOATemplate.internationalDefault`), ops replacing and removing
/// them (every problem at once, nothing stored on any), and the customer's values for a template's
/// extra fields (`loa_fields`).
struct LOATemplateService: Sendable {
    let store: Store
    var clock: (any PortInClock)?

    /// The longest value of one extra field: a code or a short description, printed on the LOA.
    static let maxFieldValueLength = 200
    static let maxFieldValues = LOATemplate.maxExtraFields

    /// The template of `country`'s international LOAs.
    func template(country: String) async throws -> LOATemplate {
        guard let code = LOATemplateInput.country(country), let stored = try await store.loaTemplates.get(country: code) else {
            return .internationalDefault
        }
        // Stored templates were checked when stored; one that no longer reads is a fault to fix, not a reason to print another.
        guard let template = Self.read(stored) else {
            throw Problem(.internalServerError, code: "loa_template_unreadable", title: "The country's LOA template cannot be read",
                          detail: "The porting team must upload the \(code) LOA template again.")
        }
        return template
    }

    /// A stored template, or nil when its JSON no longer reads as one (shown to ops as unreadable).
    static func read(_ record: LOATemplateRecord) -> LOATemplate? {
        try? LOATemplateInput.read(Data(record.json.utf8)).get()
    }

    /// The LOA form of `request`: US local, toll-free naming our RespOrg, or its country's template.
    func form(for request: StoredPortRequest, respOrgID: String) async throws -> LOAForm {
        switch request.draft.kind {
        case .tollFree: .tollFree(respOrgID: respOrgID)
        case .international: .international(try await template(country: request.draft.country))
        default: .usLocal
        }
    }

    /// The extra fields a draft of this kind and country can hold values for.
    func extraFields(kind: PortKind, country: String) async throws -> [LOATemplate.Field] {
        kind == .international ? try await template(country: country).extraFields : []
    }

    /// Problems of `loa_fields` keys that no template of these drafts asks for (values set to null
    /// only remove and are always fine).
    func unknownKeyProblems(_ patch: Patch<[String: String?]>, drafts: [PortRequestDraft]) async throws -> [FieldError] {
        guard case .value(let values) = patch else { return [] }
        let setting = values.filter { $0.value != nil }.keys.sorted()
        guard !setting.isEmpty else { return [] }
        var known: [LOATemplate.Field] = []
        for draft in drafts {
            for field in try await extraFields(kind: draft.kind, country: draft.country) where !known.contains(where: { $0.key == field.key }) {
                known.append(field)
            }
        }
        let names = known.isEmpty ? "this request's LOA has no extra fields"
            : "its LOA asks for: " + known.map { "\($0.key) (\($0.label))" }.joined(separator: ", ")
        return setting.filter { key in !known.contains { $0.key == key } }.map {
            FieldError(field: "loa_fields.\($0)", code: "unknown_field", message: "\"\($0)\" is not a field of this request's LOA; \(names).")
        }
    }

    // MARK: Ops

    /// Checks `json` as `country`'s template and stores it; 422 with every problem and nothing stored otherwise.
    func put(country text: String?, json: Data, by user: User) async throws -> (LOATemplateRecord, LOATemplate) {
        var errors: [FieldError] = []
        let country = LOATemplateInput.country(text)
        if country == nil { errors.append(LOATemplateInput.countryError()) }
        var template: LOATemplate?
        switch LOATemplateInput.read(json) {
        case .success(let read): template = read
        case .failure(let problems): errors += problems.errors
        }
        guard errors.isEmpty, let country, let template else {
            throw Problem.validation(errors, detail: "Nothing was stored; \(errors.count) problem\(errors.count == 1 ? "" : "s") to fix.")
        }
        // Stored as sent (the file ops keep), after the check above passed on exactly these bytes.
        let record = try await store.loaTemplates.put(country: country, json: String(decoding: json, as: UTF8.self), byUserId: user.id,
                                                      byEmail: user.email, at: clock?.now() ?? Date())
        return (record, template)
    }

    /// Removes `country`'s template (its requests go back to the default); 404 when there is none.
    func remove(country text: String) async throws {
        guard let country = LOATemplateInput.country(text), try await store.loaTemplates.remove(country: country) else {
            throw Problem(.notFound, code: "not_found", title: "Not found", detail: "No LOA template is stored for this country.")
        }
    }

    /// A sample LOA of `template` (ops' preview): made-up content, each extra field filled with its label.
    static func samplePDF(_ template: LOATemplate, country: String, at date: Date, calendar: BusinessCalendar) throws -> [UInt8] {
        let numbers = ["+442079460000", "+442079460001", "+442079460002"].compactMap { try? PhoneNumber.parse($0) }
        let content = LOAContent(
            requestID: "pr_SAMPLE", pon: "PI0000000000", subscriberName: "Sample Subscriber Ltd",
            authorizedPerson: AuthorizedPerson(name: "Alex Sample", title: "Director", email: "alex@example.com"),
            serviceAddress: ServiceAddress(houseNumber: "1", street: "Sample Street", city: "Sample City", state: "Sample Region",
                                           postalCode: "SA1 1AA", country: country),
            currentCarrier: "Sample Losing Carrier", accountNumber: "ACC-0001", btn: "+442079460000", newProvider: LOASigningService.newProvider,
            date: calendar.localDate(of: date), numbers: numbers,
            extraFields: Dictionary(template.extraFields.map { ($0.key, "[\($0.label)]") }, uniquingKeysWith: { first, _ in first }))
        do {
            return try LOARenderer.render(content, form: .international(template), createdAt: date).bytes
        } catch {
            throw Problem(.internalServerError, code: "loa_failed", title: "The sample LOA could not be made", detail: error.description)
        }
    }
}
