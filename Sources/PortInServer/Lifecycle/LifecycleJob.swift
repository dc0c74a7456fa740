import Foundation
import PortInCore
import PortInStore

/// The durable work the lifecycle schedules. Each job names a request and the version it was
/// scheduled for, so a job outlived by a resubmission does nothing.
enum LifecycleJobKind: String, Sendable, CaseIterable {
    /// Send the order (version 1) or its supplement (later versions) to the partner carrier.
    case submitOrder = "submit_order"
    /// Ask the partner carrier to cancel the order.
    case cancelOrder = "cancel_order"
    /// FOC minus 2 business days: the numbers appear in the account as `porting`.
    case provisionNumbers = "provision_numbers"
    /// Watchdog: 7 business days without a word from the carrier alert ops and tell the customer.
    case noCarrierAnswerCheck = "no_carrier_answer_check"
    /// Watchdog: the business day before the FOC, remind the customer.
    case focReminder = "foc_reminder"
    /// Watchdog: on the FOC date, after the carrier's activation time, asks the carrier to activate
    /// an order it has not reported active (and alerts ops when even that brings no confirmation).
    case activationCheck = "activation_check"
    /// Watchdog: the periodic sweep that expires drafts idle for 30 days (one queued at a time).
    case expireDrafts = "expire_drafts"
}

struct LifecycleJobPayload: Sendable, Hashable, Codable {
    var requestId: String
    var version: Int
    /// No-answer check: when the wait began (the check looks for carrier events after it).
    var since: Date?
    /// FOC reminder: the FOC date it reminds of (a moved FOC makes it stale).
    var focDate: CivilDate?

    init(requestId: String, version: Int, since: Date? = nil, focDate: CivilDate? = nil) {
        self.requestId = requestId
        self.version = version
        self.since = since
        self.focDate = focDate
    }

    enum CodingKeys: String, CodingKey {
        case requestId = "request_id"
        case version, since
        case focDate = "foc_date"
    }
}

extension StoreTransaction {
    /// Schedules `kind` for a request inside the caller's transaction.
    @discardableResult
    func schedule(_ kind: LifecycleJobKind, requestId: String, version: Int, at runAt: Date, now: Date,
                  maxAttempts: Int = 12) async throws -> Job {
        try await schedule(kind, payload: LifecycleJobPayload(requestId: requestId, version: version), at: runAt, now: now,
                           maxAttempts: maxAttempts)
    }

    /// Schedules `kind` with a full payload inside the caller's transaction.
    @discardableResult
    func schedule(_ kind: LifecycleJobKind, payload: LifecycleJobPayload, at runAt: Date, now: Date,
                  maxAttempts: Int = 12) async throws -> Job {
        let data = try JSONEncoder().encode(payload)
        return try await jobs.enqueue(kind: kind.rawValue, payload: data, runAt: runAt, maxAttempts: maxAttempts, now: now)
    }
}
