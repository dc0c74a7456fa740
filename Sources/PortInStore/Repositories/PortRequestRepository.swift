import Foundation
import PortInCore

/// Port requests and their numbers. Customer reads take the account id; `ops...` reads do not.
public protocol PortRequestRepository: Sendable {
    /// Inserts a draft with its numbers, a new PON and the PIN sealed. Throws `StoreError.conflict`
    /// when a number is already in another open request.
    func create(_ request: NewPortRequest, now: Date) async throws -> StoredPortRequest
    func find(id: String, accountId: String) async throws -> StoredPortRequest?
    func opsFind(id: String) async throws -> StoredPortRequest?
    /// The request with its documents in one read (nil `accountId`: ops, any account).
    func findWithDocuments(id: String, accountId: String?) async throws -> (StoredPortRequest, [Document])?
    /// The requests of one account, newest first.
    func list(accountId: String, filter: PortRequestFilter, page: PageRequest) async throws -> Page<StoredPortRequest>
    /// Ops: across accounts (optionally one, via `filter.accountId`).
    func opsList(filter: PortRequestFilter, page: PageRequest) async throws -> Page<StoredPortRequest>
    /// For a carrier event: the newest request with `pon` (with its numbers, without document facts,
    /// which no carrier event reads or writes) and whether `eventId` was recorded already, in two
    /// queries. A PON no request has reads as nil, with the receipt looked up on its own.
    func forCarrierEvent(pon: String, eventId: String) async throws -> (request: StoredPortRequest?, recorded: Bool)
    /// `forCarrierEvent` for many PONs at once (two queries): the newest request of each PON found.
    func forCarrierEvents(pons: [String]) async throws -> [String: StoredPortRequest]
    /// Requests sharing a group id (one create call split by carrier and type).
    func group(id groupId: String, accountId: String) async throws -> [StoredPortRequest]
    /// Replaces the content fields (not status, numbers or documents). False when not found.
    func updateContent(id: String, accountId: String, draft: PortRequestDraft, pin: PINUpdate, now: Date) async throws -> Bool
    /// Adds and removes numbers of a request. Throws `StoreError.conflict` as `create` does.
    func changeNumbers(id: String, accountId: String, add: [String], remove: [String], now: Date) async throws -> Bool
    /// Applies `change` only if the request is still in `change.from`; also frees or holds its numbers.
    /// Returns the updated request, or nil when the request is missing or has moved on.
    func transition(id: String, change: StatusChange, now: Date) async throws -> StoredPortRequest?
    /// `transition(id:...)` for a request just read in the same transaction: the result is `request`
    /// with the change applied, without reading it back.
    func transition(_ request: StoredPortRequest, change: StatusChange, now: Date) async throws -> StoredPortRequest?
    /// Sets the status and FOC date of some (or all, when `numbers` is nil) of a request's numbers.
    func setNumberStatus(requestId: String, numbers: [String]?, status: RequestNumberStatus, focDate: CivilDate?) async throws
    /// Deletes a draft; false when missing or not a draft.
    func deleteDraft(id: String, accountId: String) async throws -> Bool
    /// The decrypted PIN, for the carrier submission only.
    func revealPIN(id: String) async throws -> String?
    /// Forgets the PIN (after completion).
    func purgePIN(id: String, now: Date) async throws
    /// Of `numbers`, those in an open request, mapped to that request's id.
    func openRequestIds(for numbers: [String]) async throws -> [String: String]
    /// How many requests are in each status, across accounts (metrics).
    func statusCounts() async throws -> [PortStatus: Int]
    /// Ids of drafts last updated at or before `updatedBefore`, in id order after `afterId` (the draft sweep).
    func draftIds(updatedBefore: Date, afterId: String?, limit: Int) async throws -> [String]
}

/// Uploaded document metadata.
public protocol DocumentRepository: Sendable {
    func add(_ document: Document) async throws
    func find(id: String, requestId: String, accountId: String) async throws -> Document?
    func list(requestId: String, accountId: String) async throws -> [Document]
}

/// Comments on requests.
public protocol CommentRepository: Sendable {
    func add(requestId: String, accountId: String, author: CommentAuthor, authorId: String?, visibility: CommentVisibility,
             body: String, now: Date) async throws -> Comment
    /// Customer view: `internal` comments left out unless `includeInternal`.
    func list(requestId: String, accountId: String, includeInternal: Bool) async throws -> [Comment]
}

/// The append-only timeline.
public protocol EventRepository: Sendable {
    func append(_ event: NewEvent) async throws -> Event
    /// Oldest first.
    func list(requestId: String, accountId: String) async throws -> [Event]
    /// Ops: events of `type` across accounts, newest first (e.g. `ops_alert`).
    func opsList(type: String, page: PageRequest) async throws -> Page<Event>
}
