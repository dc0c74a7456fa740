import Foundation
import PortInCore

/// Inventory state of a number in an account.
public enum AccountNumberStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case porting
    case active
}

/// A number in an account's inventory (one account at most: e164 is unique).
public struct AccountNumber: Sendable, Hashable {
    public var accountId: String
    public var e164: String
    public var status: AccountNumberStatus
    public var applicationId: String?
    public var portRequestId: String?
    public var focDate: CivilDate?
    public var createdAt: Date
    public var updatedAt: Date
}

/// Filters for the inventory list.
public struct AccountNumberFilter: Sendable, Hashable {
    public var status: AccountNumberStatus?
    public var number: String?

    public init(status: AccountNumberStatus? = nil, number: String? = nil) {
        self.status = status
        self.number = number
    }
}
