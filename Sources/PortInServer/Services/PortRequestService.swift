import CarrierKit
import Foundation
import PortInCore
import PortInStore

/// A create call's result: the requests it opened (one per losing carrier and number type) and
/// the numbers it left out, each with its reason.
struct CreatedGroup: Sendable {
    var groupId: String
    var requests: [StoredPortRequest]
    var excluded: [PortabilityOutcome]
}

/// The rules of port requests that do not depend on HTTP: create with split, update, delete,
/// submit with validation and CSR pre-check, cancel.
struct PortRequestService: Sendable {
    let store: Store
    let gateway: any CarrierGateway
    let clock: any PortInClock
    let limits: ServiceLimits
    /// The calendar of day-based schedules (the no-answer watchdog).
    var calendar: BusinessCalendar = .usFederal

    var portability: PortabilityService { PortabilityService(gateway: gateway, store: store) }

    // MARK: Create

    /// Trial accounts check portability but do not port (the API's create and the wizard).
    static func requireStandardPlan(_ account: Account) throws {
        guard account.plan == .standard else {
            throw Problem(.forbidden, code: "standard_account_required", title: "A standard account is required",
                          detail: "Trial accounts can check portability but not port numbers; upgrade to a standard account.")
        }
    }

    func create(account: Account, fields: PortRequestFieldsInput, numbers: [String]) async throws -> CreatedGroup {
        let outcomes = try await portability.check(numbers)
        let eligible = outcomes.filter(\.portable)
        let excluded = outcomes.filter { !$0.portable }
        guard !eligible.isEmpty else {
            let errors = outcomes.enumerated().prefix(100).map { index, outcome in
                FieldError(field: "numbers[\(index)]", code: outcome.reason ?? "not_portable",
                           message: outcome.message ?? "This number cannot be ported.")
            }
            throw Problem(.unprocessableEntity, code: "no_portable_numbers", title: "None of the numbers can be ported",
                          detail: "Every number was invalid, not portable, or already here; see errors.", errors: errors)
        }
        var base = PortRequestDraft()
        fields.apply(to: &base)
        let pin = fields.pin.value
        let now = clock.now()
        let groupId = StoreID.make("grp", at: now)
        var newRequests: [NewPortRequest] = []
        for planned in Self.plan(eligible, maxNumbersPerRequest: limits.maxNumbersPerRequest) {
            let carrier = planned.first.losingCarrier!
            var draft = base
            draft.numbers = planned.numbers
            draft.pin = pin
            draft.kind = Self.kind(numberType: planned.numberType, e164: planned.numbers[0])
            draft.country = planned.first.country ?? base.country
            newRequests.append(NewPortRequest(accountId: account.id, groupId: groupId, draft: draft, numberType: planned.numberType,
                                              losingCarrier: CarrierRef(spid: carrier.spid, name: carrier.name)))
        }
        let unknown = try await LOATemplateService(store: store).unknownKeyProblems(fields.loaFields, drafts: newRequests.map(\.draft))
        guard unknown.isEmpty else { throw Problem.validation(unknown, detail: "Nothing was created; see errors.") }
        let actor = PortActor.customer(account.id)
        let toCreate = newRequests
        do {
            let created = try await store.transaction { tx in
                var out: [StoredPortRequest] = []
                for request in toCreate {
                    let stored = try await tx.portRequests.create(request, now: now)
                    _ = try await tx.events.append(NewEvent(requestId: stored.id, accountId: account.id, type: "created", to: .draft,
                                                            actor: actor, reason: nil, at: now))
                    out.append(stored)
                }
                return out
            }
            return CreatedGroup(groupId: groupId, requests: created, excluded: excluded)
        } catch StoreError.conflict {
            throw Problem(.conflict, code: "number_in_open_request", title: "A number is already in an open request",
                          detail: "Another request took one of these numbers a moment ago; check the numbers again.")
        }
    }

    /// One request `create` opens: its numbers, their type, and the outcome of its first number (carrier, country).
    struct PlannedRequest: Sendable {
        var numbers: [String]
        var numberType: NumberType
        var first: PortabilityOutcome
    }

    /// How `create` groups portable numbers (the wizard previews the same): one request per losing
    /// carrier and number type (`RequestSplitter`), cut at the per-request limit.
    static func plan(_ eligible: [PortabilityOutcome], maxNumbersPerRequest: Int) -> [PlannedRequest] {
        let byNumber = Dictionary(eligible.map { ($0.e164!, $0) }, uniquingKeysWith: { first, _ in first })
        let splits = RequestSplitter.split(eligible.map {
            RoutedNumber(e164: $0.e164!, losingCarrier: $0.losingCarrier!.spid, numberType: $0.numberType ?? .other)
        })
        var planned: [PlannedRequest] = []
        for split in splits {
            let first = byNumber[split.numbers[0]]!
            for start in stride(from: 0, to: split.numbers.count, by: maxNumbersPerRequest) {
                planned.append(PlannedRequest(numbers: Array(split.numbers[start..<min(split.numbers.count, start + maxNumbersPerRequest)]),
                                              numberType: split.numberType, first: first))
            }
        }
        return planned
    }

    /// Toll-free numbers take the RespOrg path; other countries need a country LOA.
    static func kind(numberType: NumberType, e164: String) -> PortKind {
        if numberType == .tollFree { return .tollFree }
        return e164.hasPrefix("+1") ? .local : .international
    }

    // MARK: Update

    static let editable: [PortStatus] = [.draft, .actionRequired]

    /// Corrects `current` (read by the caller for this account).
    func update(account: Account, current: StoredPortRequest, fields: PortRequestFieldsInput, add: [String], remove: [String])
        async throws -> StoredPortRequest {
        let id = current.id
        guard Self.editable.contains(current.status) else {
            throw Problem.wrongStatus(current.status, action: "changed", allowed: Self.editable)
        }
        var errors: [FieldError] = []
        var toAdd: [String] = []
        if !add.isEmpty {
            let outcomes = try await portability.check(add)
            for (index, outcome) in outcomes.enumerated() {
                let field = "add_numbers[\(index)]"
                if !outcome.portable {
                    errors.append(FieldError(field: field, code: outcome.reason ?? "not_portable",
                                             message: outcome.message ?? "This number cannot be ported."))
                } else if outcome.losingCarrier?.spid != current.losingCarrier?.spid || outcome.numberType != current.numberType {
                    errors.append(FieldError(field: field, code: "different_carrier_or_type",
                                             message: "A request holds one losing carrier's numbers of one type; open a new request for this one."))
                } else if let e164 = outcome.e164 {
                    toAdd.append(e164)
                }
            }
        }
        var toRemove: [String] = []
        let held = Set(current.numbers.map(\.e164))
        for (index, text) in remove.enumerated() {
            guard let e164 = try? PhoneNumber.parse(text).e164, held.contains(e164) else {
                errors.append(FieldError(field: "remove_numbers[\(index)]", code: "not_in_request",
                                         message: "This number is not in the request."))
                continue
            }
            toRemove.append(e164)
        }
        let remaining = held.subtracting(toRemove).count + toAdd.count
        if remaining == 0 {
            errors.append(FieldError(field: "remove_numbers", code: "no_numbers_left",
                                     message: "A request needs at least one number; cancel or delete it instead."))
        }
        if remaining > limits.maxNumbersPerRequest {
            errors.append(FieldError(field: "add_numbers", code: "too_many_numbers",
                                     message: "A request holds at most \(limits.maxNumbersPerRequest) numbers."))
        }
        var edited = current.draft
        fields.apply(to: &edited)
        errors += try await LOATemplateService(store: store).unknownKeyProblems(fields.loaFields, drafts: [edited])
        guard errors.isEmpty else { throw Problem.validation(errors) }
        let draft = edited
        let pin = fields.pinUpdate
        let (adding, removing) = (toAdd, toRemove)
        let now = clock.now()
        let actor = PortActor.customer(account.id)
        do {
            return try await store.transaction { tx in
                guard try await tx.portRequests.updateContent(id: id, accountId: account.id, draft: draft, pin: pin, now: now) else {
                    throw Problem.notFound("port request")
                }
                if !adding.isEmpty || !removing.isEmpty {
                    _ = try await tx.portRequests.changeNumbers(id: id, accountId: account.id, add: adding, remove: removing, now: now)
                }
                _ = try await tx.events.append(NewEvent(requestId: id, accountId: account.id, type: "updated", actor: actor, at: now))
                guard let updated = try await tx.portRequests.find(id: id, accountId: account.id),
                      Self.editable.contains(updated.status)
                else { throw Problem(.conflict, code: "changed_meanwhile", title: "The request changed meanwhile", detail: "Read it again.") }
                return updated
            }
        } catch StoreError.conflict {
            throw Problem(.conflict, code: "number_in_open_request", title: "A number is already in an open request",
                          detail: "One of the added numbers was taken by another open request.")
        }
    }

    // MARK: Delete

    func delete(account: Account, id: String) async throws {
        guard let current = try await store.portRequests.find(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        guard current.status == .draft else { throw Problem.wrongStatus(current.status, action: "deleted", allowed: [.draft]) }
        guard try await store.portRequests.deleteDraft(id: id, accountId: account.id) else {
            throw Problem(.conflict, code: "changed_meanwhile", title: "The request changed meanwhile", detail: "Read it again.")
        }
    }

    // MARK: Cancel

    /// Cancels with the optional `reason` of `object` (at most 2,000 characters), as the API and the
    /// request page send it.
    func cancel(account: Account, current: StoredPortRequest, object: [String: JSONValue]) async throws -> StoredPortRequest {
        var reader = InputReader()
        let reason = reader.string(object, "reason", maxLength: 2000).value
        guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
        return try await cancel(account: account, current: current, reason: reason)
    }

    /// Where a cancel goes from `status`: nothing is live at a carrier for a draft or a plain
    /// rejection, so it closes at once; otherwise the carrier must confirm (the lifecycle sends the
    /// cancel and moves to `cancelled`). Nil when a request in `status` cannot be cancelled.
    static func cancelTarget(from status: PortStatus) -> PortStatus? {
        switch status {
        case .draft, .actionRequired: .cancelled
        case .submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed: .cancelRequested
        default: nil
        }
    }

    /// Cancels `current` (read by the caller for this account), or asks the carrier to.
    func cancel(account: Account, current: StoredPortRequest, reason: String?) async throws -> StoredPortRequest {
        // Carriers freeze an order in the last 48 hours before its port date: a cancel then would fail
        // at the carrier after the customer was told it was on its way.
        if current.status == .focConfirmed, let foc = current.focDate {
            let portStarts = BusinessCalendar.usFederal.start(of: foc)
            if portStarts.timeIntervalSince(clock.now()) < 48 * 3600 {
                throw Problem(.conflict, code: "cancel_window_closed", title: "Too close to the port date to cancel",
                              detail: "The port is due on \(foc); cancels close 48 hours before it. Contact the porting team.")
            }
        }
        guard let target = Self.cancelTarget(from: current.status) else {
            throw Problem.wrongStatus(current.status, action: "cancelled",
                                      allowed: [.draft, .actionRequired, .submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed])
        }
        // A cancel at the carrier is a supplement: the next version of the order.
        let change = StatusChange(from: current.status, to: target, bumpVersion: target == .cancelRequested)
        return try await move(current, to: target, actor: .customer(account.id), reason: reason, change: change) { tx, updated, now in
            // The carrier holds an order: the lifecycle sends the cancel and waits for its answer.
            if updated.status == .cancelRequested {
                try await tx.schedule(.cancelOrder, requestId: updated.id, version: updated.version, at: now, now: now)
            }
        }
    }

    /// Applies one status change with its event in one transaction; 409 when the request moved meanwhile.
    func move(_ current: StoredPortRequest, to target: PortStatus, actor: PortActor, reason: String?,
              change: StatusChange? = nil,
              schedule: (@Sendable (StoreTransaction, StoredPortRequest, Date) async throws -> Void)? = nil) async throws -> StoredPortRequest {
        let now = clock.now()
        let event: PortEvent
        do {
            event = try PortStateMachine.transition(from: current.status, to: target, actor: actor, at: now, reason: reason)
        } catch {
            throw Problem(.conflict, code: "invalid_transition", title: "Not allowed in this status", detail: error.description)
        }
        let statusChange = change ?? StatusChange(from: current.status, to: target)
        return try await store.transaction { tx in
            guard let updated = try await tx.applyStatusChange(statusChange, to: current, event: event, now: now) else {
                throw Problem(.conflict, code: "changed_meanwhile", title: "The request changed meanwhile", detail: "Read it again.")
            }
            try await schedule?(tx, updated, now)
            return updated
        }
    }
}
