import CarrierKit
import Foundation
import Logging
import PortInCore
import PortInStore

/// Runs lifecycle jobs: talks to the partner carrier through the gateway and applies what it
/// answers through the state machine. Every status change writes its event and follow-up jobs in
/// the same transaction; nothing is sent inside one.
struct LifecycleEngine: Sendable {
    let store: Store
    let gateway: any CarrierGateway
    let clock: any PortInClock
    let logger: Logger
    /// The calendar of day-based schedules (FOC reminder, the no-answer watchdog).
    var calendar: BusinessCalendar = .usFederal
    /// Our RespOrg id: a toll-free order names who takes control of the numbers (the partner
    /// refuses one without it). `PORTIN_RESP_ORG_ID`; the toll-free LOA names the same one.
    var respOrgID: String = RespOrg.defaultID

    /// A failure worth retrying later (the carrier was unavailable).
    struct RetryableFailure: Error, CustomStringConvertible {
        let description: String
    }

    func run(kind: String, payload: Data) async throws {
        guard let kind = LifecycleJobKind(rawValue: kind) else {
            logger.warning("unknown job kind", metadata: ["kind": "\(kind)"])
            return
        }
        // The sweep is about no one request.
        if kind == .expireDrafts {
            try await expireIdleDrafts()
            return
        }
        let job = try JSONDecoder().decode(LifecycleJobPayload.self, from: payload)
        switch kind {
        case .submitOrder: try await submitOrder(job)
        case .cancelOrder: try await cancelOrder(job)
        case .provisionNumbers: try await provisionNumbers(job)
        case .noCarrierAnswerCheck: try await checkCarrierAnswer(job)
        case .focReminder: try await remindFOC(job)
        case .activationCheck: try await checkActivation(job)
        case .expireDrafts: break
        }
    }

    // MARK: Submit

    /// Sends version `job.version` of the order; idempotent at the carrier by PON and version.
    func submitOrder(_ job: LifecycleJobPayload) async throws {
        guard let request = try await store.portRequests.opsFind(id: job.requestId),
              request.status == .submitted, request.version == job.version
        else { return }  // moved on (cancelled, resubmitted): nothing to send
        let order = try await Self.order(for: request, pin: try await store.portRequests.revealPIN(id: request.id), respOrgID: respOrgID)
        let ack: OrderAck
        do {
            ack = job.version > 1 ? try await gateway.supplement(order) : try await gateway.submit(order)
        } catch {
            if error.isRetryable { throw RetryableFailure(description: error.description) }
            // The partner refused the order's form outright: the customer must fix it.
            let reasons: [Rejection]
            if case .invalidRequest(let errors) = error {
                reasons = errors.map { Rejection(carrierCode: $0.code, carrier: nil, message: $0.message, number: $0.number, field: $0.field) }
            } else {
                reasons = [Rejection(code: .other, message: error.description)]
            }
            try await move(request, to: .actionRequired, actor: .carrier("partner"), reason: "The partner carrier refused the order",
                           change: StatusChange(from: .submitted, to: .actionRequired, reasons: reasons))
            return
        }
        if ack.accepted {
            try await move(request, to: .carrierReview, actor: .carrier("partner"), reason: nil,
                           change: StatusChange(from: .submitted, to: .carrierReview))
        } else {
            let reasons = ack.errors.map {
                Rejection(carrierCode: $0.code, carrier: nil, message: $0.message, number: $0.number, field: $0.field)
            }
            try await move(request, to: .actionRequired, actor: .carrier("partner"), reason: "The partner carrier refused the order",
                           change: StatusChange(from: .submitted, to: .actionRequired, reasons: reasons))
        }
    }

    /// The LSR-shaped order for the request (the PIN only travels here).
    static func order(for request: StoredPortRequest, pin: String?, respOrgID: String) async throws -> PortOrder {
        let draft = request.draft
        let numberType = request.numberType ?? .geographic
        return PortOrder(
            pon: request.pon, version: request.version, supplementType: request.version > 1 ? .other : nil,
            desiredDueDate: draft.requestedFOCDate, portingIndicator: draft.partialPort ? .partial : .full,
            numberType: numberType, losingCarrier: request.losingCarrier?.spid ?? "",
            accountNumber: draft.accountNumber, pin: pin, btn: draft.btn, newBTN: draft.newBTN, subscriberType: draft.subscriberType,
            businessName: draft.businessName, firstName: draft.firstName, lastName: draft.lastName,
            authorizedPerson: draft.authorizedPerson ?? AuthorizedPerson(name: ""), serviceAddress: draft.serviceAddress,
            numbers: request.numbers.map(\.e164), newRespOrg: numberType == .tollFree ? respOrgID : nil)
    }

    // MARK: Cancel

    func cancelOrder(_ job: LifecycleJobPayload) async throws {
        guard let request = try await store.portRequests.opsFind(id: job.requestId), request.status == .cancelRequested else { return }
        let ack: OrderAck
        do {
            ack = try await gateway.cancel(CancelOrder(pon: request.pon, version: request.version))
        } catch {
            if case .notFound = error {
                // The carrier never had it (cancelled before it was sent): nothing to undo there.
                try await move(request, to: .cancelled, actor: .carrier("partner"), reason: nil,
                               change: StatusChange(from: .cancelRequested, to: .cancelled))
                return
            }
            throw RetryableFailure(description: error.description)
        }
        if !ack.accepted {
            // Refused (inside the carrier's freeze): back to where the order stands, saying why, and to
            // the version the carrier still holds, so its later events (the activation) are not stale.
            let back: PortStatus = request.focDate == nil ? .pendingLosingCarrier : .focConfirmed
            let why = ack.errors.map(\.message).joined(separator: "; ")
            let calendar = self.calendar
            try await move(request, to: back, actor: .carrier("partner"), reason: why.isEmpty ? "The carrier refused the cancel" : why,
                           change: StatusChange(from: .cancelRequested, to: back, revertVersion: true)) { tx, updated in
                // Back to the order's own version: its jobs still apply, but provisioning that fell due
                // while the cancel was pending ran and did nothing, so it is scheduled again.
                let now = clock.now()
                if updated.status == .focConfirmed, let foc = updated.focDate {
                    let provisionAt = calendar.start(of: calendar.adding(businessDays: -2, to: foc))
                    if provisionAt <= now, !updated.numbers.contains(where: { $0.status == .porting }) {
                        try await tx.schedule(.provisionNumbers, requestId: updated.id, version: updated.version, at: now, now: now)
                    }
                }
            }
        }
        // Accepted: the carrier's `cancelled` event completes it.
    }

    // MARK: Provisioning

    /// FOC minus 2 business days: the numbers enter the account as `porting`, ready for an application.
    func provisionNumbers(_ job: LifecycleJobPayload) async throws {
        guard let request = try await store.portRequests.opsFind(id: job.requestId), request.status == .focConfirmed,
              request.version == job.version
        else { return }
        let now = clock.now()
        let numbers = request.numbers.map(\.e164)
        try await store.transaction { tx in
            try await tx.numbers.provision(accountId: request.accountId, numbers: numbers, portRequestId: request.id,
                                           focDate: request.focDate, now: now)
            try await tx.portRequests.setNumberStatus(requestId: request.id, numbers: nil, status: .porting, focDate: request.focDate)
            _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "numbers_provisioned",
                                                    actor: .system, reason: "\(numbers.count) numbers added to the account as porting",
                                                    at: now))
            try await tx.notify(PortNotification(type: .numbersProvisioned, request: request, at: now), request: request)
        }
    }

    // MARK: Moves

    /// One status change with its event (and the jobs it implies) in one transaction; a request that
    /// moved meanwhile is left alone.
    @discardableResult
    func move(_ request: StoredPortRequest, to target: PortStatus, actor: PortActor, reason: String?, change: StatusChange,
              schedule: (@Sendable (StoreTransaction, StoredPortRequest) async throws -> Void)? = nil) async throws -> StoredPortRequest? {
        let now = clock.now()
        guard let event = try? PortStateMachine.transition(from: change.from, to: target, actor: actor, at: now, reason: reason) else {
            logger.notice("transition not allowed", metadata: ["request": "\(request.id)", "from": "\(change.from.rawValue)",
                                                              "to": "\(target.rawValue)"])
            return nil
        }
        return try await store.transaction { tx in
            guard let updated = try await tx.applyStatusChange(change, to: request, event: event, now: now) else { return nil }
            try await schedule?(tx, updated)
            return updated
        }
    }
}
