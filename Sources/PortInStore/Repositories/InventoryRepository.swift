import Foundation
import PortInCore

/// Applications numbers can be attached to.
public protocol ApplicationRepository: Sendable {
    func create(accountId: String, name: String, voiceURL: String?, smsURL: String?, now: Date) async throws -> Application
    func find(id: String, accountId: String) async throws -> Application?
    func list(accountId: String, page: PageRequest) async throws -> Page<Application>
}

/// The numbers in accounts.
public protocol AccountNumberRepository: Sendable {
    /// Adds the numbers as `porting` for a request (or refreshes them when already there for it).
    func provision(accountId: String, numbers: [String], portRequestId: String, focDate: CivilDate?, now: Date) async throws
    /// Marks numbers `active`.
    func activate(accountId: String, numbers: [String], now: Date) async throws
    /// Removes numbers a request had provisioned (cancel after provisioning).
    func remove(numbers: [String], portRequestId: String) async throws
    func find(e164: String, accountId: String) async throws -> AccountNumber?
    func list(accountId: String, filter: AccountNumberFilter, page: PageRequest) async throws -> Page<AccountNumber>
    /// Attaches (or with nil detaches) an application; false when the number is not in the account.
    func attach(e164: String, accountId: String, applicationId: String?, now: Date) async throws -> Bool
    /// Of `numbers`, those in any account's inventory, mapped to their status.
    func inventoryStatus(of numbers: [String]) async throws -> [String: AccountNumberStatus]
}

/// Stored first responses for idempotent POSTs.
public protocol IdempotencyRepository: Sendable {
    func find(accountId: String, key: String) async throws -> IdempotencyRecord?
    /// Stores `record` unless the key is taken; returns whichever record is stored now, so the
    /// caller compares its request hash with the winner's.
    func save(_ record: IdempotencyRecord) async throws -> IdempotencyRecord
}

/// Durable jobs with leases.
public protocol JobQueue: Sendable {
    func enqueue(kind: String, payload: Data, runAt: Date, maxAttempts: Int, now: Date) async throws -> Job
    /// Leases up to `limit` due jobs (queued with `run_at <= now`, or running with an expired lease)
    /// to `leaseOwner`, counting an attempt each. Concurrent claimers never get the same job.
    func claimDue(now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [Job]
    /// Marks a job done; false when `leaseOwner` no longer holds it.
    func complete(id: String, leaseOwner: String, now: Date) async throws -> Bool
    /// Requeues at `retryAt`, or moves to `dead` once `max_attempts` is used up. Returns the new
    /// status, nil when `leaseOwner` no longer holds the job.
    func fail(id: String, leaseOwner: String, retryAt: Date, error: String, now: Date) async throws -> JobStatus?
    /// Ops: requeues a dead job now with a fresh attempt budget; false when it is not dead.
    func retryDead(id: String, now: Date) async throws -> Bool
    func find(id: String) async throws -> Job?
    /// Ops: jobs in `status`, oldest due first.
    func list(status: JobStatus, limit: Int) async throws -> [Job]
    /// Enqueues unless a job of `kind` is already queued (a singleton such as a periodic sweep);
    /// nil when one was. Concurrent callers, in any number of processes, enqueue at most one.
    func enqueueIfAbsent(kind: String, payload: Data, runAt: Date, maxAttempts: Int, now: Date) async throws -> Job?
}

/// Outgoing emails and webhooks.
public protocol OutboxRepository: Sendable {
    func enqueue(kind: OutboxKind, payload: Data, now: Date) async throws -> OutboxMessage
    /// Leases up to `limit` pending messages of `kind` due at `now` (new, retried, or abandoned by a
    /// worker whose lease expired) to `leaseOwner`, oldest first, counting an attempt each.
    /// Concurrent claimers never get the same message.
    func claimDue(kind: OutboxKind, now: Date, limit: Int, leaseOwner: String, leaseSeconds: Int) async throws -> [OutboxMessage]
    /// Marks a claimed message sent; false when `leaseOwner` no longer holds it.
    func markSent(id: String, leaseOwner: String, at: Date) async throws -> Bool
    /// Releases a claimed message to be retried at `nextAttemptAt`, or gives up (`dead`) when it is
    /// nil. Returns the new status, nil when `leaseOwner` no longer holds it.
    func markFailed(id: String, leaseOwner: String, error: String, nextAttemptAt: Date?) async throws -> OutboxStatus?
    /// Pending messages due at `now`, oldest first (unclaimed: for inspection and single-worker use).
    func due(now: Date, limit: Int) async throws -> [OutboxMessage]
    /// Marks a message sent without a lease, counting the attempt.
    func markSent(id: String, at: Date) async throws
    /// Without a lease: counts an attempt and schedules the next, or gives up (`dead`) when `nextAttemptAt` is nil.
    func markFailed(id: String, error: String, nextAttemptAt: Date?) async throws
    func find(id: String) async throws -> OutboxMessage?
}

/// One carrier event to record: its id and the request it concerns (nil: no request has its PON).
public struct CarrierEventReceipt: Sendable, Hashable {
    public var eventId: String
    public var requestId: String?
    public init(eventId: String, requestId: String?) {
        self.eventId = eventId
        self.requestId = requestId
    }
}

/// Carrier callback dedupe.
public protocol CarrierEventReceiptRepository: Sendable {
    /// Records `eventId`; true the first time, false for a duplicate.
    func recordOnce(eventId: String, requestId: String?, at: Date) async throws -> Bool
    /// Records many events in one statement; returns the ids recorded now (a duplicate, already
    /// recorded or repeated in `receipts`, is not among them, or only once).
    func recordEach(_ receipts: [CarrierEventReceipt], at: Date) async throws -> Set<String>
}
