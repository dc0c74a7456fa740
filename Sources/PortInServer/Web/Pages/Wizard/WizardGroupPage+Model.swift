import Foundation
import PortInCore
import PortInDocuments
import PortInStore

/// Steps 2 to 5 of the wizard for the drafts one create opened (a group, kept in the URL and read
/// only with the customer's account id): the details with the CSR pre-check next to each field,
/// then per draft its LOA (preview, sign here or by link) and invoice, then review and submit.
struct WizardGroupPage: Sendable {
    struct Draft: Sendable {
        var request: StoredPortRequest
        var documents: [Document]
        var signed: SignedLOARecord?
        /// The newest signing link, if one was sent.
        var link: LOASigningLink?
        /// The extra fields of the request's LOA template (international requests of a country with its own template).
        var loaFields: [LOATemplate.Field] = []
        var invoice: Document? { documents.last { $0.kind == .invoice } }
        var editable: Bool { PortRequestService.editable.contains(request.status) }
    }

    var chrome: PageChrome
    var groupId: String
    var drafts: [Draft]
    var values: [String: String]
    /// Problems of the details form: input problems, the CSR pre-check and submit problems of those fields.
    var detailErrors = FormErrors()
    var signErrors: [String: FormErrors] = [:]
    var signValues: [String: [String: String]] = [:]
    var invoiceErrors: [String: FormErrors] = [:]
    var invoiceValues: [String: String] = [:]
    /// The LOA fields form of a draft sent back with its problems, by request id.
    var loaFieldErrors: [String: FormErrors] = [:]
    var loaFieldValues: [String: [String: String]] = [:]
    /// Submit problems by request id (all of them, also those shown at a details field).
    var submitErrors: [String: FormErrors] = [:]
    var notice: RequestPage.Notice?

    var path: String { WizardStartPage.path + "/" + PageFormat.pathSegment(groupId) }
    func requestPath(_ draft: Draft) -> String { path + "/requests/" + PageFormat.pathSegment(draft.request.id) }
    var anyEditable: Bool { drafts.contains(where: \.editable) }

    /// The group of `session`'s account, or nil (404) when it has no such group.
    static func load(context: APIContext, session: CustomerSession, groupId: String, csrCheck: Bool = true) async throws -> WizardGroupPage? {
        let store = context.store
        let accountId = session.account.id
        let requests = try await store.portRequests.group(id: groupId, accountId: accountId)
        guard !requests.isEmpty else { return nil }
        var drafts: [Draft] = []
        var csr: [FieldError] = []
        for request in requests {
            let documents = try await store.documents.list(requestId: request.id, accountId: accountId)
            let signed = try await store.loaSigning.signed(requestId: request.id, accountId: accountId)
            let link = try await store.loaSigning.links(requestId: request.id, accountId: accountId).first
            let fields = try await context.loaTemplates.extraFields(kind: request.draft.kind, country: request.draft.country)
            let draft = Draft(request: request, documents: documents, signed: signed, link: link, loaFields: fields)
            drafts.append(draft)
            // The pre-check the submit runs, shown before it: each mismatch next to its field.
            if csrCheck, draft.editable, request.draft.kind == .local, let first = request.numbers.first {
                var content = request.draft
                content.pin = try await store.portRequests.revealPIN(id: request.id)
                let found = try await context.portRequests.csrPreCheck(content, number: first.e164)
                csr += found.map { Self.labelled($0, pon: request.pon, of: requests.count) }
            }
        }
        let chrome = PageChrome(title: "Port numbers", user: session.user, csrfToken: session.session.csrfToken,
                                current: WizardStartPage.path)
        return WizardGroupPage(chrome: chrome, groupId: groupId, drafts: drafts, values: WizardDetails.values(of: requests[0]),
                               detailErrors: FormErrors(csr))
    }

    /// A problem of one of several drafts names its request; the carrier's value is shown when it released it.
    static func labelled(_ error: FieldError, pon: String, of count: Int) -> FieldError {
        var message = error.message
        if let onRecord = error.onRecord { message += " On record: \(onRecord)." }
        if count > 1 { message = "Request \(pon): " + message }
        return FieldError(field: error.field, code: error.code, message: message)
    }
}
