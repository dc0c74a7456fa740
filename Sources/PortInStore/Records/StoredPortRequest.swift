import Foundation
import PortInCore

/// The losing carrier as stored with a request.
public struct CarrierRef: Sendable, Hashable, Codable {
    public var spid: String
    public var name: String

    public init(spid: String, name: String) {
        self.spid = spid
        self.name = name
    }
}

/// A port request as persisted. `draft.pin` is always nil here: the PIN lives only in
/// `sealedPIN` (AES-GCM), so neither this value nor its description can leak it.
public struct StoredPortRequest: Sendable, Hashable {
    public var id: String
    public var accountId: String
    public var groupId: String
    public var status: PortStatus
    /// Content fields; `numbers` are E.164 in the order added, `documents` the facts of attached documents.
    public var draft: PortRequestDraft
    public var sealedPIN: SealedSecret?
    public var numberType: NumberType?
    public var losingCarrier: CarrierRef?
    public var pon: String
    public var version: Int
    public var focDate: CivilDate?
    public var reasons: [Rejection]
    /// Per-number state, in the order the numbers were added.
    public var numbers: [RequestNumber]
    public var createdAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?
    public var completedAt: Date?

    /// What the API shows instead of the PIN.
    public var pinProvided: Bool { sealedPIN != nil }
}

/// What the store needs to create a request (id, PON, status and timestamps are assigned).
public struct NewPortRequest: Sendable {
    public var accountId: String
    public var groupId: String
    /// `pin` is sealed before anything is written; `numbers` must be E.164.
    public var draft: PortRequestDraft
    public var numberType: NumberType?
    public var losingCarrier: CarrierRef?

    public init(accountId: String, groupId: String, draft: PortRequestDraft, numberType: NumberType? = nil,
                losingCarrier: CarrierRef? = nil) {
        self.accountId = accountId
        self.groupId = groupId
        self.draft = draft
        self.numberType = numberType
        self.losingCarrier = losingCarrier
    }
}

/// How an update treats the PIN.
public enum PINUpdate: Sendable {
    case keep
    case set(String)
    case clear
}

/// A status change applied only if the request is still in `from` (optimistic concurrency).
public struct StatusChange: Sendable {
    public var from: PortStatus
    public var to: PortStatus
    /// Replaces the stored reasons when non-nil.
    public var reasons: [Rejection]?
    /// Sets the FOC date when non-nil.
    public var focDate: CivilDate?
    /// Increments `version` (a supplement after action required).
    public var bumpVersion: Bool
    /// Decrements `version`: the carrier refused the supplement (a cancel), so it still holds the
    /// previous version, and its later events carry that one.
    public var revertVersion: Bool

    public init(from: PortStatus, to: PortStatus, reasons: [Rejection]? = nil, focDate: CivilDate? = nil, bumpVersion: Bool = false,
                revertVersion: Bool = false) {
        self.from = from
        self.to = to
        self.reasons = reasons
        self.focDate = focDate
        self.bumpVersion = bumpVersion
        self.revertVersion = revertVersion
    }
}

/// Filters for request lists.
public struct PortRequestFilter: Sendable, Hashable {
    public var status: PortStatus?
    /// Only requests containing this E.164 number.
    public var number: String?
    /// Ops lists only: restrict to one account.
    public var accountId: String?
    /// Only the request with this PON.
    public var pon: String?

    public init(status: PortStatus? = nil, number: String? = nil, accountId: String? = nil, pon: String? = nil) {
        self.status = status
        self.number = number
        self.accountId = accountId
        self.pon = pon
    }
}
