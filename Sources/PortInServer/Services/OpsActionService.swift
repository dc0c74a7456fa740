import CarrierKit
import Foundation
import PortInCore
import PortInStore

/// One document the porting team asks for: which, the catalog reason, and a note for the customer.
struct DocumentRequestItem: Sendable, Hashable {
    var kind: DocumentKind
    var code: RejectionCode
    var note: String?

    /// The catalog codes that can be about `kind`: the generic "document needed" and every code
    /// whose catalog entry points at that document.
    static func codes(for kind: DocumentKind) -> [RejectionCode] {
        let field = "documents.\(kind.rawValue)"
        return [.documentMissing] + RejectionCode.allCases.filter {
            $0 != .documentMissing && RejectionCatalog.entry(for: $0).fields.contains(field)
        }
    }
}

/// What the porting team does to a request: comment, ask for documents, move it with a reason.
/// Every change is one transaction with its event (actor `ops`) and the notifications it causes.
struct OpsActionService: Sendable {
    let store: Store
    let clock: any PortInClock
    let calendar: BusinessCalendar

    // MARK: Comments

    /// A customer-visible comment goes on the timeline and is emailed; an internal one is only stored.
    func addComment(by user: User, on request: StoredPortRequest, body: String, visibility: CommentVisibility) async throws -> Comment {
        let now = clock.now()
        return try await store.transaction { tx in
            let comment = try await tx.comments.add(requestId: request.id, accountId: request.accountId, author: .portingTeam,
                                                    authorId: user.id, visibility: visibility, body: body, now: now)
            if visibility == .customer {
                _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "comment_added",
                                                        actor: .ops(user.id), at: now))
                try await tx.notify(PortNotification(type: .commentAdded, request: request, at: now, comment: body), request: request)
            }
            return comment
        }
    }

    // MARK: Documents

    /// Moves the request to `action_required` with one reason per document, each naming its field
    /// (`documents.loa`, ...); the customer is told through the status change's notifications.
    func requestDocuments(by user: User, on request: StoredPortRequest, items: [DocumentRequestItem], message: String) async throws
        -> StoredPortRequest {
        let reasons = items.map { Rejection(code: $0.code, message: $0.note, field: "documents.\($0.kind.rawValue)") }
        return try await move(request, to: .actionRequired, by: user, reason: message,
                              change: StatusChange(from: request.status, to: .actionRequired, reasons: reasons))
    }

    // MARK: Rejections

    /// Sends the request back to the customer (`action_required`) with catalog reasons, each shown
    /// at its field on the customer's page; `message` is the status change's reason.
    func reject(by user: User, on request: StoredPortRequest, reasons: [Rejection], message: String) async throws -> StoredPortRequest {
        try await move(request, to: .actionRequired, by: user, reason: message,
                       change: StatusChange(from: request.status, to: .actionRequired, reasons: reasons))
    }

    // MARK: Moves

    /// Moves the request to `target` as the porting team (reason required), with what the target
    /// implies: the order or its cancel sent, the FOC's jobs, numbers provisioned or released.
    func move(_ request: StoredPortRequest, to target: PortStatus, by user: User, reason: String, focDate: CivilDate?) async throws
        -> StoredPortRequest {
        var change = StatusChange(from: request.status, to: target)
        switch target {
        // Sending again (or cancelling at the carrier) is the next version of the order.
        case .submitted: change = StatusChange(from: request.status, to: target, reasons: [], bumpVersion: true)
        case .cancelRequested: change.bumpVersion = true
        case .focConfirmed: change.focDate = focDate
        case .actionRequired: change.reasons = [Rejection(code: .other, message: reason)]
        default: break
        }
        return try await move(request, to: target, by: user, reason: reason, change: change)
    }

    private func move(_ request: StoredPortRequest, to target: PortStatus, by user: User, reason: String, change: StatusChange) async throws
        -> StoredPortRequest {
        let now = clock.now()
        let event: PortEvent
        do {
            event = try PortStateMachine.transition(from: request.status, to: target, actor: .ops(user.id), at: now, reason: reason)
        } catch {
            throw Problem(.conflict, code: "invalid_transition", title: "Not allowed in this status",
                          detail: "The request cannot move from \(request.status.rawValue) to \(target.rawValue) (\(error.description)).")
        }
        let calendar = self.calendar
        return try await store.transaction { tx in
            guard let updated = try await tx.applyStatusChange(change, to: request, event: event, now: now) else {
                throw Problem(.conflict, code: "changed_meanwhile", title: "The request changed meanwhile", detail: "Read it again.")
            }
            try await Self.followUp(from: request.status, request: updated, tx: tx, calendar: calendar, now: now)
            return updated
        }
    }

    /// The jobs and inventory changes a move implies, as the customer's or the carrier's would.
    static func followUp(from previous: PortStatus, request: StoredPortRequest, tx: StoreTransaction, calendar: BusinessCalendar,
                         now: Date) async throws {
        switch request.status {
        case .submitted:
            try await tx.schedule(.submitOrder, requestId: request.id, version: request.version, at: now, now: now)
            try await tx.scheduleNoAnswerCheck(request, calendar: calendar, now: now)
        case .cancelRequested:
            try await tx.schedule(.cancelOrder, requestId: request.id, version: request.version, at: now, now: now)
        case .carrierReview, .pendingLosingCarrier:
            // A new wait on the carrier (back from a refused cancel, say); within one the watch goes on.
            if !Watchdogs.waitingOnCarrier.contains(previous) {
                try await tx.scheduleNoAnswerCheck(request, calendar: calendar, now: now)
            }
        case .focConfirmed, .completed, .cancelled:
            // The carrier's follow-ups, as if it had said so; it reads the event only for rejected
            // numbers, which an ops move never names.
            let kind: CarrierEvent.Kind = request.status == .focConfirmed ? .foc : (request.status == .completed ? .activated : .cancelled)
            let event = CarrierEvent(eventId: "ops-move", type: kind, pon: request.pon, version: request.version, occurredAt: now,
                                     focDate: request.focDate)
            try await CarrierEventIngest.followUp(event, request: request, tx: tx, calendar: calendar, now: now)
        default:
            break
        }
    }
}
