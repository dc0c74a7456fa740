import Foundation
import PortInCore
import PortInStore

/// One request as its customer sees it: where it is in the five steps, what happened, its numbers,
/// documents and comments, and (while it can be corrected) the form to fix it, with each carrier
/// reason next to the field it concerns.
struct RequestPage: Sendable {
    enum StepState: String, Sendable {
        case done, current, attention, upcoming
    }

    struct Step: Sendable {
        var name: String
        var date: Date?
        var state: StepState
    }

    struct TimelineEntry: Sendable {
        var at: Date
        var text: String
        var detail: String?
    }

    /// A carrier's reason with the catalog's words.
    struct Reason: Sendable {
        var title: String
        var explanation: String
        var fixHint: String
        /// What the carrier itself said, when it differs from the catalog's explanation.
        var carrierMessage: String?
        var fields: [String]
        var number: String?
        var customerFixable: Bool
    }

    struct Notice: Sendable {
        var ok: Bool
        var title: String
        var text: String?
    }

    var request: StoredPortRequest
    var documents: [Document]
    var comments: [Comment]
    var steps: [Step]
    var timeline: [TimelineEntry]
    var reasons: [Reason]
    var notice: Notice?
    /// The correction form's values (the stored ones, or what was just sent back with problems).
    var values: [String: String]
    var formErrors = FormErrors()
    /// The heading of the problem list above the form (nil: "Nothing was saved").
    var formErrorsTitle: String?
    var uploadValues: [String: String] = [:]
    var uploadErrors = FormErrors()
    var commentText = ""
    var commentErrors = FormErrors()
    var chrome: PageChrome

    var canCorrect: Bool { request.status.isEditable }
    var takesDocuments: Bool { !request.status.isTerminal }
    var canCancel: Bool {
        [.draft, .actionRequired, .submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed].contains(request.status)
    }
    var path: String { "/app/requests/" + PageFormat.pathSegment(request.id) }

    /// Reads the request of the session's account; nil when it is not one of theirs.
    static func load(store: Store, session: CustomerSession, id: String) async throws -> RequestPage? {
        let accountId = session.account.id
        guard let (request, documents) = try await store.requestWithDocuments(id: id, accountId: accountId) else { return nil }
        let events = try await store.reads.events.list(requestId: id, accountId: accountId)
        let comments = try await store.reads.comments.list(requestId: id, accountId: accountId, includeInternal: false)
        return RequestPage(request: request, documents: documents, comments: comments, steps: steps(request, events: events),
                           timeline: timeline(events), reasons: request.reasons.map(reason), notice: nil, values: values(of: request),
                           chrome: PageChrome(title: "Request " + request.pon, user: session.user, csrfToken: session.session.csrfToken,
                                              current: "/app"))
    }

    /// The five steps with the date each was last reached. A resubmission starts the carrier steps
    /// again, so those dates come from the latest submission on.
    static func steps(_ request: StoredPortRequest, events: [Event]) -> [Step] {
        let changes = events.filter { $0.type == "status_changed" }
        let lastSubmit = changes.last(where: { $0.to == .submitted })
        let cycle = lastSubmit.map { submit in changes.filter { $0.at >= submit.at } } ?? []
        let validating = cycle.first(where: { $0.to == .carrierReview || $0.to == .pendingLosingCarrier })?.at
        let foc = cycle.first(where: { $0.to == .focConfirmed })?.at
        let completed = request.completedAt ?? changes.last(where: { $0.to == .completed })?.at
        let dates: [Date?] = [request.createdAt, lastSubmit?.at ?? request.submittedAt, validating, foc, completed]
        let names = ["Opened", "Submitted", "Carrier validating", "FOC confirmed", "Completed"]
        // The step the request is at (0-based); nil when it left the path (cancelled, expired).
        let at: Int? = switch request.status {
        case .draft: 0
        case .submitted: 1
        case .carrierReview, .pendingLosingCarrier, .actionRequired: 2
        case .focConfirmed: 3
        case .completed: 4
        case .cancelRequested, .cancelled, .expired: nil
        }
        return names.indices.map { index in
            let state: StepState
            if request.status == .completed {
                state = .done
            } else if let at {
                state = index < at ? .done : index == at ? (request.status == .actionRequired ? .attention : .current) : .upcoming
            } else {
                state = dates[index] == nil ? .upcoming : .done
            }
            return Step(name: names[index], date: state == .upcoming ? nil : dates[index], state: state)
        }
    }

    static func timeline(_ events: [Event]) -> [TimelineEntry] {
        events.compactMap { event in
            switch event.type {
            case "created": return TimelineEntry(at: event.at, text: "Request opened")
            case "updated": return TimelineEntry(at: event.at, text: "Details changed")
            case "document_added":
                let kind = event.reason.flatMap(DocumentKind.init(rawValue:)).map(PageFormat.documentKind) ?? "Document"
                return TimelineEntry(at: event.at, text: kind + " added")
            case "comment_added": return TimelineEntry(at: event.at, text: "Comment added")
            case "numbers_provisioned": return TimelineEntry(at: event.at, text: "Numbers added to your account, ready for an application")
            case "status_changed":
                guard let to = event.to else { return nil }
                return TimelineEntry(at: event.at, text: "Status: " + PageFormat.status(to), detail: event.reason)
            case Watchdogs.alertEventType, "carrier_event":
                // For the porting team: what the carrier sent in full, and our alerts.
                return nil
            default:
                return TimelineEntry(at: event.at, text: event.type.replacingOccurrences(of: "_", with: " ").capitalized)
            }
        }
    }

    static func reason(_ rejection: Rejection) -> Reason {
        let entry = RejectionCatalog.entry(for: rejection.code)
        let message = rejection.message.flatMap { $0 == entry.explanation || $0 == entry.title ? nil : $0 }
        return Reason(title: entry.title, explanation: entry.explanation, fixHint: entry.fixHint, carrierMessage: message,
                      fields: rejection.fields, number: rejection.number, customerFixable: entry.customerFixable)
    }

    /// The inputs the form shows for this subscriber type.
    var formFields: [CorrectionField] {
        let subscriber = Self.subscriberFields.filter {
            request.draft.subscriberType == .business ? $0.path == "business_name" : $0.path != "business_name"
        }
        return subscriber + Self.authorizedFields + Self.addressFields + Self.accountFields
    }

    /// Where each reason is shown: next to the first of its fields the form has, or in the numbers or
    /// documents section, or (for the rest) above the form.
    func placement(of reason: Reason) -> String {
        let inputs = Set(formFields.map(\.path) + [Self.partialPortField])
        if let field = reason.fields.first(where: inputs.contains) { return field }
        if reason.fields.contains(where: { $0 == "numbers" || $0.hasPrefix("numbers[") }) { return "numbers" }
        if reason.fields.contains(where: { $0.hasPrefix("documents") || $0 == "loa" || $0 == "invoice" }) { return "documents" }
        return "general"
    }

    func reasons(at place: String) -> [Reason] { reasons.filter { placement(of: $0) == place } }
}
