import CarrierKit
import Foundation
import PortInCore
import PortInStore

/// One request as the porting team sees it: what the customer sees, plus the internal timeline
/// (carrier events, alerts), private notes, the CSR diff and the action forms.
struct OpsRequestPage: Sendable {
    struct TimelineEntry: Sendable {
        var at: Date
        var text: String
        var detail: String?
        /// Not shown to the customer (carrier events, alerts, internal moves' details).
        var internalOnly: Bool
    }

    /// One field of the request beside the losing carrier's record.
    struct CSRRow: Sendable {
        var field: String
        var label: String
        var requested: String
        var onRecord: String
        var matches: Bool
    }

    enum CSRView: Sendable {
        case compared(number: String, carrier: String, rows: [CSRRow])
        case refused([FieldError])
        case unavailable(String)
    }

    /// What one action form sent back with its problems (re-rendered with every problem at once).
    struct FormState: Sendable {
        var values: [String: String] = [:]
        var errors = FormErrors()
    }

    var request: StoredPortRequest
    var account: Account?
    var documents: [Document]
    var comments: [Comment]
    var notes: [Comment]
    var timeline: [TimelineEntry]
    var reasons: [RequestPage.Reason]
    var csr: CSRView
    var enteredStatus: Date
    var ageBusinessDays: Int
    var overdue: [String]
    var notice: RequestPage.Notice?
    /// Form states by form name (`comment`, `note`, `documents`, `reject`, `move`, `cancel`).
    var forms: [String: FormState] = [:]
    var chrome: PageChrome

    var path: String { "/ops/requests/" + PageFormat.pathSegment(request.id) }
    /// Where a move may go from here (the state machine's table; ops may trigger every rule).
    var moveTargets: [PortStatus] {
        PortStateMachine.transitions[request.status, default: []].sorted { $0.rawValue < $1.rawValue }
    }
    /// The status a cancel moves to: the customer's cancel rule (`PortRequestService.cancelTarget`).
    var cancelTarget: PortStatus? { PortRequestService.cancelTarget(from: request.status) }
    var canReject: Bool { PortStateMachine.transitions[request.status, default: []].contains(.actionRequired) }

    func form(_ name: String) -> FormState { forms[name] ?? FormState() }

    /// Reads the request in any account; nil when there is none with `id`. `csr` is asked only for
    /// local requests with numbers (it calls the losing carrier through the gateway).
    static func load(store: Store, id: String, now: Date, calendar: BusinessCalendar, chrome: PageChrome,
                     csr: (PortRequestDraft, String) async throws -> CSRCheck) async throws -> OpsRequestPage? {
        guard let (request, documents) = try await store.requestWithDocuments(id: id, accountId: nil) else { return nil }
        let account = try await store.accounts.find(id: request.accountId)
        let events = try await store.events.list(requestId: request.id, accountId: request.accountId)
        let comments = try await store.comments.list(requestId: request.id, accountId: request.accountId, includeInternal: true)
        var csrView = CSRView.unavailable("The CSR is compared for local US requests with numbers.")
        if request.draft.kind == .local, let first = request.numbers.first?.e164 {
            var draft = request.draft
            // The carrier wants the PIN for the lookup; it is used for the call only, never shown.
            draft.pin = try await store.portRequests.revealPIN(id: request.id)
            switch try await csr(draft, first) {
            case .compared(let record, let comparisons):
                csrView = .compared(number: first, carrier: record.losingCarrier.name, rows: csrRows(request.draft, record, comparisons))
            case .refused(let errors): csrView = .refused(errors)
            case .unavailable: csrView = .unavailable("The losing carrier did not answer the CSR lookup; try again later.")
            }
        }
        let entered = OpsQueueRules.enteredStatus(request, events: events)
        return OpsRequestPage(
            request: request, account: account, documents: documents, comments: comments.filter { $0.visibility == .customer },
            notes: comments.filter { $0.visibility == .internal }, timeline: timeline(events), reasons: request.reasons.map(RequestPage.reason),
            csr: csrView, enteredStatus: entered, ageBusinessDays: OpsQueueRules.businessDays(since: entered, now: now, calendar: calendar),
            overdue: OpsQueueRules.overdue(request, events: events, now: now, calendar: calendar), chrome: chrome)
    }

    /// The customer's timeline entries, plus what only the porting team sees.
    static func timeline(_ events: [Event]) -> [TimelineEntry] {
        events.compactMap { event in
            if let entry = RequestPage.timeline([event]).first {
                let who = event.actor.kind == .ops ? " (porting team)" : event.actor.kind == .carrier ? " (carrier)" : ""
                return TimelineEntry(at: event.at, text: entry.text + who, detail: entry.detail, internalOnly: false)
            }
            switch event.type {
            case Watchdogs.alertEventType:
                return TimelineEntry(at: event.at, text: "Ops alert", detail: event.reason, internalOnly: true)
            case "carrier_event":
                return TimelineEntry(at: event.at, text: "Carrier event" + (event.actor.id.map { " from " + $0 } ?? ""),
                                     detail: event.reason, internalOnly: true)
            default:
                return nil
            }
        }
    }

    static let csrLabels: [(field: String, label: String)] = [
        ("business_name", "Business name"), ("first_name", "First name"), ("last_name", "Last name"),
        ("authorized_person.name", "Authorized person"), ("service_address.house_number", "House number"),
        ("service_address.street", "Street"), ("service_address.unit", "Unit"), ("service_address.city", "City"),
        ("service_address.state", "State"), ("service_address.postal_code", "ZIP code"), ("account_number", "Account number"),
        ("btn", "BTN"),
    ]

    /// The compared fields in form order, each with both sides as typed / as on record.
    static func csrRows(_ draft: PortRequestDraft, _ record: CSRResponse, _ comparisons: [FieldComparison]) -> [CSRRow] {
        let results = Dictionary(comparisons.map { ($0.field, $0.result) }, uniquingKeysWith: { a, _ in a })
        return csrLabels.compactMap { field, label in
            guard let result = results[field] else { return nil }
            return CSRRow(field: field, label: label, requested: requested(draft, field) ?? "", onRecord: onRecord(record, field) ?? "",
                          matches: result.isMatch)
        }
    }

    static func requested(_ draft: PortRequestDraft, _ field: String) -> String? {
        let address = draft.serviceAddress
        return switch field {
        case "business_name": draft.businessName
        case "first_name": draft.firstName
        case "last_name": draft.lastName
        case "authorized_person.name": draft.authorizedPerson?.name
        case "service_address.house_number": address?.houseNumber
        case "service_address.street": address?.street
        case "service_address.unit": address?.unit
        case "service_address.city": address?.city
        case "service_address.state": address?.state
        case "service_address.postal_code": address?.postalCode
        case "account_number": draft.accountNumber
        case "btn": draft.btn
        default: nil
        }
    }

    static func onRecord(_ record: CSRResponse, _ field: String) -> String? {
        let address = record.serviceAddress
        return switch field {
        case "business_name": record.businessName
        case "first_name": record.firstName
        case "last_name": record.lastName
        case "authorized_person.name": record.authorizedName
        case "service_address.house_number": address?.houseNumber
        case "service_address.street": address?.street
        case "service_address.unit": address?.unit
        case "service_address.city": address?.city
        case "service_address.state": address?.state
        case "service_address.postal_code": address?.postalCode
        case "account_number": record.accountNumber
        case "btn": record.btn
        default: nil
        }
    }
}
