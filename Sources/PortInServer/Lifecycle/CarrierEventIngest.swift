import CarrierKit
import Foundation
import Logging
import PortInCore
import PortInStore

/// Applies carrier events (callbacks) through the state machine, each exactly once: the event id
/// is recorded in the same transaction as its effects, so a duplicate changes nothing and a crash
/// between the two is impossible. Stale events (an older version, or a step the request is already
/// past, such as a late `verified` after the FOC) are recorded on the timeline but move nothing.
struct CarrierEventIngest: Sendable {
    let store: Store
    let clock: any PortInClock
    let calendar: BusinessCalendar
    let logger: Logger
    /// Where one process makes every write (SQLite): callbacks arriving together commit together.
    var groups: IngestGroups? = nil

    enum Outcome: String, Sendable {
        case applied
        case duplicate
        case stale
        case unknownOrder = "unknown_order"
    }

    func ingest(_ event: CarrierEvent) async throws -> Outcome {
        // One writer (SQLite): the event joins the next group, which reads, dedupes and applies
        // all of its events in one transaction (see `applyGroup`).
        if let groups { return try await groups.submit(event, to: self) }
        // Carriers retry and duplicate: a repeat is answered from the read connections, without
        // taking a writer. The receipt insert below still decides under races.
        // The request is read beside the writer too, so the transaction holds it only for its writes.
        // Each move's guarded update proves that read current; a request that moved meanwhile (or
        // an event that would change nothing) is handled from a read inside the transaction.
        let (known, recorded) = try await store.reads.portRequests.forCarrierEvent(pon: event.pon, eventId: event.eventId)
        if recorded { return .duplicate }
        if let known, event.type != .exception, !Self.plan(for: event, request: known).isEmpty {
            do {
                return try await store.transaction { tx in try await apply(event, to: known, in: tx, readInside: false).outcome }
            } catch is StaleRead {
                // Moved meanwhile: the transaction rolled back; the read inside decides.
            }
        }
        return try await store.transaction { tx in try await applyReadingInside(event, in: tx) }
    }

    /// Reads the request inside `tx`, then records and applies the event.
    private func applyReadingInside(_ event: CarrierEvent, in tx: StoreTransaction) async throws -> Outcome {
        guard let request = try await tx.portRequests.opsList(filter: PortRequestFilter(pon: event.pon), page: PageRequest(limit: 1))
            .items.first
        else {
            _ = try await tx.carrierEvents.recordOnce(eventId: event.eventId, requestId: nil, at: clock.now())
            return .unknownOrder
        }
        return try await apply(event, to: request, in: tx, readInside: true).outcome
    }

    /// Applies a group of events in one grouped transaction (see `IngestGroups`) and answers each.
    /// The group costs three statements before its moves, whatever its size: its requests (with
    /// their numbers) by PON, and every receipt in one insert that also tells the duplicates.
    /// Events of the group about the same request see each other's moves, in arrival order.
    /// When the group fails as a whole, each event is applied alone, so it answers for itself only.
    /// `lease`: the writer connection, held by the caller for this group and maybe more.
    func applyGroup(_ items: [IngestGroups.Item], lease: WriterLease) async {
        do {
            let outcomes = try await lease.groupedTransaction { tx in
                var requests = try await tx.portRequests.forCarrierEvents(pons: items.map(\.event.pon))
                var fresh = try await tx.carrierEvents.recordEach(
                    items.map { CarrierEventReceipt(eventId: $0.event.eventId, requestId: requests[$0.event.pon]?.id) }, at: clock.now())
                var outcomes: [Outcome] = []
                for item in items {
                    // The first of an id in the group is the one recorded; a repeat is a duplicate.
                    guard fresh.remove(item.event.eventId) != nil else {
                        outcomes.append(.duplicate)
                        continue
                    }
                    guard let request = requests[item.event.pon] else {
                        outcomes.append(.unknownOrder)
                        continue
                    }
                    let result = try await apply(item.event, to: request, in: tx, readInside: true, recorded: true)
                    requests[item.event.pon] = result.request
                    outcomes.append(result.outcome)
                }
                return outcomes
            }
            for (item, outcome) in zip(items, outcomes) { item.continuation.resume(returning: outcome) }
        } catch {
            logger.notice("a group of carrier events failed; applying each alone", metadata: ["events": "\(items.count)",
                                                                                               "error": "\(error)"])
            for item in items {
                do {
                    item.continuation.resume(returning: try await lease.transaction { tx in try await applyReadingInside(item.event, in: tx) })
                } catch {
                    item.continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The request read before the transaction has moved on since.
    private struct StaleRead: Error {}

    /// Records the event once (unless the caller did: `recorded`) and applies it to `request`,
    /// answering with the request as it is now. `readInside` says `request` was read in `tx`;
    /// otherwise a move that finds it changed throws `StaleRead` (rolling everything back).
    private func apply(_ event: CarrierEvent, to request: StoredPortRequest, in tx: StoreTransaction, readInside: Bool,
                       recorded: Bool = false) async throws -> (outcome: Outcome, request: StoredPortRequest) {
        let now = clock.now()
        if !recorded {
            guard try await tx.carrierEvents.recordOnce(eventId: event.eventId, requestId: request.id, at: now) else {
                return (.duplicate, request)
            }
        }
        if event.type == .exception, event.version >= request.version {
            try await Self.raiseException(event, request: request, tx: tx, calendar: calendar, now: now)
            return (.applied, request)
        }
        let steps = Self.plan(for: event, request: request)
        guard !steps.isEmpty else {
            _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "carrier_event",
                                                    actor: .carrier("partner"), reason: "\(event.type.rawValue) (no change)", at: now))
            return (.stale, request)
        }
        var updated = request
        // A step skipped by a lost or reordered event is walked through, one event per step.
        for step in steps {
            guard let transition = try? PortStateMachine.transition(from: updated.status, to: step.to, actor: .carrier("partner"),
                                                                     at: now, reason: step.reason)
            else { return (.stale, updated) }
            guard let next = try await tx.applyStatusChange(step.change, to: updated, event: transition, now: now) else {
                if readInside { return (.stale, updated) }
                throw StaleRead()
            }
            updated = next
        }
        try await Self.followUp(event, request: updated, tx: tx, calendar: calendar, now: now, numbersReadInside: readInside)
        return (.applied, updated)
    }

    struct Plan {
        var to: PortStatus
        var change: StatusChange
        var reason: String?
    }

    /// The steps `event` takes `request` through, empty when it changes nothing (stale or informational).
    static func plan(for event: CarrierEvent, request: StoredPortRequest) -> [Plan] {
        guard event.version >= request.version else { return [] }  // about an older version of the order
        let from = request.status
        func step(_ a: PortStatus, _ b: PortStatus, focDate: CivilDate? = nil, reasons: [Rejection]? = nil, reason: String? = nil) -> Plan {
            Plan(to: b, change: StatusChange(from: a, to: b, reasons: reasons, focDate: focDate), reason: reason)
        }
        /// From `from` up to pending at the losing carrier, through the steps not yet taken.
        func toPending() -> [Plan] {
            switch from {
            case .submitted: [step(.submitted, .carrierReview), step(.carrierReview, .pendingLosingCarrier)]
            case .carrierReview: [step(.carrierReview, .pendingLosingCarrier)]
            default: []
            }
        }
        switch event.type {
        case .received, .verified:
            return from == .submitted ? [step(.submitted, .carrierReview)] : []
        case .sentToLosingCarrier:
            return toPending()
        case .foc:
            guard let date = event.focDate else { return [] }
            switch from {
            case .submitted, .carrierReview, .pendingLosingCarrier:
                return toPending() + [step(.pendingLosingCarrier, .focConfirmed, focDate: date)]
            case .focConfirmed where request.focDate != date:
                return [step(.focConfirmed, .focConfirmed, focDate: date, reason: "The carrier moved the port date to \(date)")]
            default:
                return []
            }
        case .rejected:
            guard [.submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed].contains(from) else { return [] }
            let reasons = (event.errors ?? []).map {
                Rejection(carrierCode: $0.code, carrier: request.losingCarrier?.spid, message: $0.message, number: $0.number, field: $0.field)
            }
            let summary = reasons.isEmpty ? (event.message ?? "Rejected by the carrier")
                : reasons.map { $0.message ?? $0.code.rawValue }.joined(separator: "; ")
            return [step(from, .actionRequired, reasons: reasons, reason: summary)]
        case .activated:
            return from == .focConfirmed ? [step(.focConfirmed, .completed)] : []
        case .cancelled:
            return from == .cancelRequested ? [step(.cancelRequested, .cancelled)] : []
        case .exception:
            return []  // never a move: `raiseException` alerts the porting team instead
        }
    }

    /// A carrier exception moves nothing but needs the porting team: it becomes an ops alert (once
    /// per code and version) with the carrier's message. A failed activation is chased at once.
    static func raiseException(_ event: CarrierEvent, request: StoredPortRequest, tx: StoreTransaction, calendar: BusinessCalendar,
                               now: Date) async throws {
        let code = event.exceptionCode ?? "carrier_exception"
        try await tx.raiseOpsAlert(code, request: request, version: event.version, actor: .carrier("partner"),
                                   reason: "Carrier exception \(code): \(event.message ?? "no details")", now: now)
        if code == "activation_failed", request.status == .focConfirmed {
            try await tx.scheduleActivationCheck(request, calendar: calendar, now: now, at: now)
        }
    }

    /// Whether the request reached completion without its numbers being provisioned (they are
    /// `porting` once the provisioning job ran). Read inside `tx`: the job may have just committed.
    static func provisioningWasMissed(_ request: StoredPortRequest, tx: StoreTransaction) async throws -> Bool {
        guard let current = try await tx.portRequests.opsFind(id: request.id) else { return false }
        return !current.numbers.contains { $0.status == .porting }
    }

    /// Jobs and inventory changes an applied event implies, in the same transaction.
    /// `numbersReadInside`: `request`'s numbers were read in `tx`, so their statuses are current.
    static func followUp(_ event: CarrierEvent, request: StoredPortRequest, tx: StoreTransaction, calendar: BusinessCalendar,
                         now: Date, numbersReadInside: Bool = false) async throws {
        let numbers = request.numbers.map(\.e164)
        switch request.status {
        case .focConfirmed:
            guard let foc = request.focDate else { return }
            try await tx.portRequests.setNumberStatus(requestId: request.id, numbers: nil, status: .pending, focDate: foc)
            // Two business days before the FOC (or now, when that is already past).
            let day = calendar.adding(businessDays: -2, to: foc)
            let runAt = max(now, calendar.start(of: day))
            try await tx.schedule(.provisionNumbers, requestId: request.id, version: request.version, at: runAt, now: now)
            try await tx.scheduleFOCReminder(request, calendar: calendar, now: now)
            try await tx.scheduleActivationCheck(request, calendar: calendar, now: now)
        case .completed:
            // The carrier activated before our provisioning job ran (it was due, but a worker died
            // holding it, or the FOC was too near): the customer still hears the numbers are here.
            // Read again unless current: the provisioning job may have committed since `request` was read.
            let missed = numbersReadInside ? !request.numbers.contains { $0.status == .porting }
                : try await provisioningWasMissed(request, tx: tx)
            if missed {
                _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "numbers_provisioned",
                                                        actor: .system, reason: "\(numbers.count) numbers added to the account at activation",
                                                        at: now))
                try await tx.notify(PortNotification(type: .numbersProvisioned, request: request, at: now), request: request)
            }
            try await tx.numbers.provision(accountId: request.accountId, numbers: numbers, portRequestId: request.id,
                                           focDate: request.focDate, now: now)
            try await tx.numbers.activate(accountId: request.accountId, numbers: numbers, now: now)
            try await tx.portRequests.setNumberStatus(requestId: request.id, numbers: nil, status: .active, focDate: request.focDate)
            try await tx.portRequests.purgePIN(id: request.id, now: now)
        case .cancelled:
            try await tx.numbers.remove(numbers: numbers, portRequestId: request.id)
            try await tx.portRequests.setNumberStatus(requestId: request.id, numbers: nil, status: .cancelled, focDate: nil)
        case .actionRequired:
            let rejected = Set((event.errors ?? []).compactMap(\.number))
            if !rejected.isEmpty {
                try await tx.portRequests.setNumberStatus(requestId: request.id, numbers: Array(rejected), status: .rejected, focDate: nil)
            }
        default:
            break
        }
    }
}
