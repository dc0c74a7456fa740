import CarrierKit
import Foundation
import PortInCore
import PortInStore

/// What an `activation_requested` event's payload holds (one request per version and FOC date).
struct ActivationRequestPayload: Sendable, Hashable, Codable {
    var focDate: CivilDate
    var version: Int

    enum CodingKeys: String, CodingKey {
        case focDate = "foc_date"
        case version
    }
}

extension StoreTransaction {
    /// Schedules the activation check of `request`'s FOC date at `Watchdogs.activationCheckHour`
    /// (or at `runAt`, e.g. at once after the carrier reported a failed activation).
    func scheduleActivationCheck(_ request: StoredPortRequest, calendar: BusinessCalendar, now: Date, at runAt: Date? = nil) async throws {
        guard let foc = request.focDate else { return }
        let due = runAt ?? calendar.start(of: foc).addingTimeInterval(TimeInterval(Watchdogs.activationCheckHour) * 3600)
        try await schedule(.activationCheck, payload: LifecycleJobPayload(requestId: request.id, version: request.version, focDate: foc),
                           at: max(now, due), now: now)
    }

    /// Appends an `ops_alert` event (listed by `GET /v1/ops/alerts`) unless one of `kind` is on the
    /// timeline for this version already; true when it appended one.
    @discardableResult
    func raiseOpsAlert(_ kind: String, request: StoredPortRequest, version: Int? = nil, actor: PortActor = .system,
                       reason: String, now: Date) async throws -> Bool {
        let version = version ?? request.version
        let timeline = try await events.list(requestId: request.id, accountId: request.accountId)
        guard !Watchdogs.hasAlert(kind, version: version, in: timeline) else { return false }
        let alert = OpsAlertPayload(alert: kind, pon: request.pon, version: version, status: request.status)
        _ = try await events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: Watchdogs.alertEventType,
                                             actor: actor, reason: reason, payload: try JSONEncoder().encode(alert), at: now))
        return true
    }
}

extension LifecycleEngine {
    // MARK: Activation

    /// The FOC date has reached the check hour and the carrier has not reported the port active, so
    /// we ask it to activate: its `activated` callback then completes the request. When it answers
    /// that every number is active already, its callback was lost and its answer completes the
    /// request instead. When it refuses, or a business day after we asked it still has not
    /// confirmed, the porting team is alerted (once).
    func checkActivation(_ job: LifecycleJobPayload) async throws {
        guard let request = try await store.portRequests.opsFind(id: job.requestId), request.status == .focConfirmed,
              request.version == job.version, let foc = request.focDate, foc == job.focDate
        else { return }  // completed, cancelled, resubmitted or moved to another date: nothing to chase
        let now = clock.now()
        let calendar = self.calendar
        let asked = ActivationRequestPayload(focDate: foc, version: request.version)
        let alreadyAsked = try await store.events.list(requestId: request.id, accountId: request.accountId).contains { event in
            event.type == Watchdogs.activationRequestEventType
                && event.payload.flatMap { try? JSONDecoder().decode(ActivationRequestPayload.self, from: $0) } == asked
        }
        let ack: OrderAck
        do {
            ack = try await gateway.activate(ActivateOrder(pon: request.pon))
        } catch {
            if error.isRetryable { throw RetryableFailure(description: error.description) }
            _ = try await store.transaction { tx in
                try await tx.raiseOpsAlert("activation_refused", request: request, reason:
                    "The carrier refused to activate the port due on \(foc): \(error.description)", now: now)
            }
            return
        }
        if ack.duplicate {
            // Every number is active at the carrier: its `activated` callback went missing. Its answer is
            // the same fact, applied through the same ingest (once, by a stable event id).
            let event = CarrierEvent(eventId: "activation-check:\(request.pon):\(request.version)", type: .activated,
                                     pon: request.pon, version: request.version, orderId: ack.orderId, occurredAt: now,
                                     message: "The carrier reported the numbers active when asked")
            _ = try await CarrierEventIngest(store: store, clock: clock, calendar: calendar, logger: logger).ingest(event)
            return
        }
        if alreadyAsked {
            // Asked a business day ago, and the carrier still has not confirmed: the porting team takes over.
            _ = try await store.transaction { tx in
                try await tx.raiseOpsAlert("activation_overdue", request: request, reason:
                    "The carrier has not confirmed the activation due on \(foc), a business day after we asked for it", now: now)
            }
            return
        }
        try await store.transaction { tx in
            _ = try await tx.events.append(NewEvent(
                requestId: request.id, accountId: request.accountId, type: Watchdogs.activationRequestEventType, actor: .system,
                reason: "The carrier had not reported the port active on \(foc); we asked it to activate the numbers",
                payload: try JSONEncoder().encode(asked), at: now))
            // Checked again a business day later: by then the carrier's confirmation should be in.
            try await tx.scheduleActivationCheck(request, calendar: calendar, now: now,
                                                 at: calendar.instant(addingBusinessDays: 1, to: now))
        }
    }
}
