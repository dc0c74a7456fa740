import Foundation
import PortInCore

/// Kinds of supplement (SUP) to an order already sent: every correction bumps the version.
public enum SupplementType: String, Sendable, Hashable, Codable, CaseIterable {
    case cancel
    /// New due date only.
    case dueDate = "due_date"
    /// Any other change (corrected name, address, account number, numbers...).
    case other
}

/// A port order (LSR) as sent to the partner carrier, modelled on real LSR fields.
/// The partner forwards it to the losing carrier. Idempotent by `pon` + `version`.
public struct PortOrder: Sendable, Hashable, Codable {
    /// Our purchase order number: one per port request, stable across versions.
    public var pon: String
    /// VER: 1 for the first submission, bumped by every supplement.
    public var version: Int
    /// Nil for the initial order.
    public var supplementType: SupplementType?
    /// DDD: desired due date; nil asks for the carrier's earliest date.
    public var desiredDueDate: CivilDate?
    /// "full" when every number on the account ports, "partial" otherwise (LSR porting indicator).
    public var portingIndicator: PortingIndicator
    public var numberType: NumberType
    /// The losing carrier the portability check found (SPID); the partner routes by it.
    public var losingCarrier: String
    public var accountNumber: String?
    /// Sent on the wire because the losing carrier checks it; never logged by either side.
    public var pin: String?
    public var btn: String?
    public var newBTN: String?
    public var subscriberType: SubscriberType
    public var businessName: String?
    public var firstName: String?
    public var lastName: String?
    public var authorizedPerson: AuthorizedPerson
    public var serviceAddress: ServiceAddress?
    /// E.164 numbers to port.
    public var numbers: [String]
    /// Toll-free only: the RespOrg that takes control (ours).
    public var newRespOrg: String?

    public enum PortingIndicator: String, Sendable, Hashable, Codable {
        case full
        case partial
    }

    enum CodingKeys: String, CodingKey {
        case pon, version
        case supplementType = "supplement_type"
        case desiredDueDate = "desired_due_date"
        case portingIndicator = "porting_indicator"
        case numberType = "number_type"
        case losingCarrier = "losing_carrier"
        case accountNumber = "account_number"
        case pin, btn
        case newBTN = "new_btn"
        case subscriberType = "subscriber_type"
        case businessName = "business_name"
        case firstName = "first_name"
        case lastName = "last_name"
        case authorizedPerson = "authorized_person"
        case serviceAddress = "service_address"
        case numbers
        case newRespOrg = "new_resp_org"
    }

    public init(pon: String, version: Int = 1, supplementType: SupplementType? = nil, desiredDueDate: CivilDate? = nil,
                portingIndicator: PortingIndicator = .full, numberType: NumberType = .geographic, losingCarrier: String,
                accountNumber: String? = nil, pin: String? = nil, btn: String? = nil, newBTN: String? = nil,
                subscriberType: SubscriberType = .business, businessName: String? = nil, firstName: String? = nil,
                lastName: String? = nil, authorizedPerson: AuthorizedPerson, serviceAddress: ServiceAddress? = nil,
                numbers: [String], newRespOrg: String? = nil) {
        self.pon = pon
        self.version = version
        self.supplementType = supplementType
        self.desiredDueDate = desiredDueDate
        self.portingIndicator = portingIndicator
        self.numberType = numberType
        self.losingCarrier = losingCarrier
        self.accountNumber = accountNumber
        self.pin = pin
        self.btn = btn
        self.newBTN = newBTN
        self.subscriberType = subscriberType
        self.businessName = businessName
        self.firstName = firstName
        self.lastName = lastName
        self.authorizedPerson = authorizedPerson
        self.serviceAddress = serviceAddress
        self.numbers = numbers
        self.newRespOrg = newRespOrg
    }
}

/// Cancel an order (a SUP of type cancel, with the version bumped).
public struct CancelOrder: Sendable, Hashable, Codable {
    public var pon: String
    public var version: Int
    public init(pon: String, version: Int) {
        self.pon = pon
        self.version = version
    }
}

/// Ask the partner to activate the numbers of an order with a FOC (on or after the FOC date).
public struct ActivateOrder: Sendable, Hashable, Codable {
    public var pon: String
    /// Nil activates every number of the order.
    public var numbers: [String]?
    public init(pon: String, numbers: [String]? = nil) {
        self.pon = pon
        self.numbers = numbers
    }
}

/// The partner's synchronous answer to submit / supplement / cancel / activate.
public struct OrderAck: Sendable, Hashable, Codable {
    public var pon: String
    public var version: Int
    /// The partner's own order id, stable across versions.
    public var orderId: String
    /// False when the partner refused the order's form at once; `errors` says why (all of it).
    public var accepted: Bool
    public var errors: [CarrierError]
    /// True when this PON + version was already received: nothing new was created.
    public var duplicate: Bool

    enum CodingKeys: String, CodingKey {
        case pon, version
        case orderId = "order_id"
        case accepted, errors, duplicate
    }

    public init(pon: String, version: Int, orderId: String, accepted: Bool, errors: [CarrierError] = [], duplicate: Bool = false) {
        self.pon = pon
        self.version = version
        self.orderId = orderId
        self.accepted = accepted
        self.errors = errors
        self.duplicate = duplicate
    }
}

/// One reason a carrier refused an order: its own code, the field it concerns, and the number
/// when the error is about one number.
public struct CarrierError: Sendable, Hashable, Codable {
    public var code: String
    /// snake_case path of the order field (`service_address.street`, `pin`, `numbers`...).
    public var field: String?
    public var message: String
    public var number: String?

    public init(code: String, field: String? = nil, message: String, number: String? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.number = number
    }
}
