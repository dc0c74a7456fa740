import Foundation
import PortInCore
import PortInStore

/// The watchdogs' rules in one place.
enum Watchdogs {
    /// Business days without a word from the carrier before ops are alerted and the customer told.
    static let noAnswerBusinessDays = 7
    /// Days a draft may sit untouched before it expires.
    static let draftIdleDays = 30
    /// How often the draft sweep runs.
    static let draftSweepInterval: TimeInterval = 3600
    /// The statuses in which the request waits on the carrier.
    static let waitingOnCarrier: Set<PortStatus> = [.submitted, .carrierReview, .pendingLosingCarrier]
    /// The timeline event type of alerts for the porting team (listed by `GET /v1/ops/alerts`).
    static let alertEventType = "ops_alert"
    /// The timeline event type that records a sent FOC reminder (and keeps it to one).
    static let reminderEventType = "foc_reminder"
    /// Local hour of the FOC date at which an order the carrier has not reported active is chased:
    /// carriers activate in the morning, so by mid-afternoon the silence means something went wrong.
    static let activationCheckHour = 14
    /// The timeline event type that records our activation request to the carrier.
    static let activationRequestEventType = "activation_requested"

    /// True when `timeline` holds an `ops_alert` of `kind` for `version` (each is raised once).
    static func hasAlert(_ kind: String, version: Int, in timeline: [Event]) -> Bool {
        timeline.contains { event in
            guard event.type == alertEventType,
                  let alert = event.payload.flatMap({ try? JSONDecoder().decode(OpsAlertPayload.self, from: $0) })
            else { return false }
            return alert.alert == kind && alert.version == version
        }
    }
}

/// What an `ops_alert` event's payload holds.
struct OpsAlertPayload: Sendable, Hashable, Codable {
    /// `no_carrier_answer`, `activation_overdue`, `activation_refused`, or a carrier exception code
    /// (`losing_carrier_no_response`, `activation_failed`, `resp_org_escalated`).
    var alert: String
    var pon: String
    var version: Int
    var status: PortStatus
}

/// What a `foc_reminder` event's payload holds.
struct FOCReminderPayload: Sendable, Hashable, Codable {
    var focDate: CivilDate
    var version: Int

    enum CodingKeys: String, CodingKey {
        case focDate = "foc_date"
        case version
    }
}

extension StoreTransaction {
    /// Starts the no-answer watchdog of `request`'s current version, waiting on the carrier from `now`.
    func scheduleNoAnswerCheck(_ request: StoredPortRequest, calendar: BusinessCalendar, now: Date) async throws {
        let due = calendar.instant(addingBusinessDays: Watchdogs.noAnswerBusinessDays, to: now)
        try await schedule(.noCarrierAnswerCheck, payload: LifecycleJobPayload(requestId: request.id, version: request.version, since: now),
                           at: due, now: now)
    }

    /// Schedules the reminder for `request`'s FOC date at the start of the business day before it
    /// (at once when that has begun; not at all once the FOC day has).
    func scheduleFOCReminder(_ request: StoredPortRequest, calendar: BusinessCalendar, now: Date) async throws {
        guard let foc = request.focDate, now < calendar.start(of: foc) else { return }
        let runAt = max(now, calendar.start(of: calendar.previousBusinessDay(before: foc)))
        try await schedule(.focReminder, payload: LifecycleJobPayload(requestId: request.id, version: request.version, focDate: foc),
                           at: runAt, now: now)
    }
}

extension LifecycleEngine {
    // MARK: No carrier answer

    /// Alerts ops and tells the customer when the request has waited on the carrier for 7 business
    /// days with this version and heard nothing; a carrier event meanwhile restarts the wait (the
    /// check moves to 7 business days after it). Once per version: the alert is on the timeline.
    func checkCarrierAnswer(_ job: LifecycleJobPayload) async throws {
        let now = clock.now()
        let calendar = self.calendar
        try await store.transaction { tx in
            guard let request = try await tx.portRequests.opsFind(id: job.requestId), request.version == job.version,
                  Watchdogs.waitingOnCarrier.contains(request.status)
            else { return }  // answered, resubmitted or cancelled: nothing to watch
            let events = try await tx.events.list(requestId: request.id, accountId: request.accountId)
            guard !Watchdogs.hasAlert(NotificationType.noCarrierAnswer.rawValue, version: request.version, in: events) else { return }
            let since = job.since ?? request.updatedAt
            let heard = events.filter { $0.actor.kind == .carrier }.map(\.at).max()
            let waitingSince = max(since, heard ?? since)
            let due = calendar.instant(addingBusinessDays: Watchdogs.noAnswerBusinessDays, to: waitingSince)
            if now < due {
                // The carrier spoke meanwhile: watch again from what it said.
                var next = job
                next.since = waitingSince
                try await tx.schedule(.noCarrierAnswerCheck, payload: next, at: due, now: now)
                return
            }
            let alert = OpsAlertPayload(alert: NotificationType.noCarrierAnswer.rawValue, pon: request.pon, version: request.version,
                                        status: request.status)
            _ = try await tx.events.append(NewEvent(
                requestId: request.id, accountId: request.accountId, type: Watchdogs.alertEventType, actor: .system,
                reason: "No answer from the carrier for \(Watchdogs.noAnswerBusinessDays) business days (\(request.status.rawValue), "
                    + "version \(request.version))",
                payload: try JSONEncoder().encode(alert), at: now))
            let message = "The carrier has not answered for \(Watchdogs.noAnswerBusinessDays) business days. "
                + "The porting team is following it up; you do not need to do anything."
            try await tx.notify(PortNotification(type: .noCarrierAnswer, request: request, at: now, message: message), request: request)
        }
    }

    // MARK: FOC reminder

    /// The business day before the FOC: reminds the customer of the port date, if the request still
    /// ports on the date the reminder was scheduled for (a cancel or a moved FOC makes it stale).
    func remindFOC(_ job: LifecycleJobPayload) async throws {
        let now = clock.now()
        try await store.transaction { tx in
            guard let request = try await tx.portRequests.opsFind(id: job.requestId), request.status == .focConfirmed,
                  request.version == job.version, let foc = request.focDate, foc == job.focDate
            else { return }
            // A job rerun after a crash finds its reminder already on the timeline.
            let reminder = FOCReminderPayload(focDate: foc, version: request.version)
            let sent = try await tx.events.list(requestId: request.id, accountId: request.accountId).contains { event in
                event.type == Watchdogs.reminderEventType
                    && event.payload.flatMap { try? JSONDecoder().decode(FOCReminderPayload.self, from: $0) } == reminder
            }
            guard !sent else { return }
            _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: Watchdogs.reminderEventType,
                                                    actor: .system, reason: "Reminder sent: the port is on \(foc)",
                                                    payload: try JSONEncoder().encode(reminder), at: now))
            let message = "Your numbers port on \(foc). Attach them to an application now, so calls and messages work from the start."
            try await tx.notify(PortNotification(type: .focReminder, request: request, at: now, message: message), request: request)
        }
    }

    // MARK: Idle drafts

    /// Queues the draft sweep unless one is queued already (safe from any number of starting workers).
    @discardableResult
    func ensureDraftSweep(at runAt: Date? = nil) async throws -> Bool {
        let now = clock.now()
        return try await store.jobs.enqueueIfAbsent(kind: LifecycleJobKind.expireDrafts.rawValue, payload: Data("{}".utf8),
                                                    runAt: runAt ?? now, maxAttempts: 12, now: now) != nil
    }

    /// Expires drafts untouched for 30 days (no change and no upload or comment by the customer),
    /// each through the state machine as the system, then queues the next sweep. Returns how many expired.
    @discardableResult
    func expireIdleDrafts() async throws -> Int {
        let now = clock.now()
        let cutoff = now.addingTimeInterval(-TimeInterval(Watchdogs.draftIdleDays) * 86_400)
        let reason = "No changes for \(Watchdogs.draftIdleDays) days"
        var expired = 0
        var after: String?
        while true {
            let ids = try await store.portRequests.draftIds(updatedBefore: cutoff, afterId: after, limit: 100)
            guard let last = ids.last else { break }
            after = last
            for id in ids {
                let done = try await store.transaction { tx -> Bool in
                    guard let draft = try await tx.portRequests.opsFind(id: id), draft.status == .draft, draft.updatedAt <= cutoff
                    else { return false }
                    let events = try await tx.events.list(requestId: id, accountId: draft.accountId)
                    if let touched = events.filter({ $0.actor.kind == .customer }).map(\.at).max(), touched > cutoff { return false }
                    guard let event = try? PortStateMachine.transition(from: .draft, to: .expired, actor: .system, at: now, reason: reason)
                    else { return false }
                    return try await tx.applyStatusChange(StatusChange(from: .draft, to: .expired), to: draft, event: event, now: now) != nil
                }
                if done { expired += 1 }
            }
        }
        try await ensureDraftSweep(at: now.addingTimeInterval(Watchdogs.draftSweepInterval))
        return expired
    }
}
