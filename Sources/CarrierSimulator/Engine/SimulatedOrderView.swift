import CarrierKit
import Foundation
import PortInCore

/// Where an order stands at the simulated partner.
public enum SimulatedOrderStatus: String, Sendable, Hashable, Codable {
    /// Received, being checked and forwarded; awaiting the losing carrier (or RespOrg).
    case pending
    case rejected
    /// A FOC date is set; activation follows on that date.
    case focConfirmed = "foc_confirmed"
    case activated
    case cancelled
    /// The losing carrier did not answer; the partner raised an exception.
    case noResponse = "no_response"
    /// Activation on the FOC date failed; activate on demand to retry.
    case activationFailed = "activation_failed"
}

/// The simulator's view of one order (`GET /sim/orders/{pon}`): latest version, status and every emitted event.
public struct SimulatedOrderView: Sendable, Hashable, Codable {
    public var pon: String
    public var orderId: String
    /// The latest accepted version.
    public var version: Int
    public var status: SimulatedOrderStatus
    public var numberType: NumberType
    /// SPID (or RespOrg id) of the losing carrier.
    public var losingCarrier: String
    /// E.164 numbers of the latest version.
    public var numbers: [String]
    public var focDate: CivilDate?
    /// Numbers activated so far.
    public var activatedNumbers: [String]
    /// Every event emitted for the order, in the order the partner produced them (before delivery faults).
    public var events: [CarrierEvent]
    /// When the next scheduled action for this order is due.
    public var nextActionAt: Date?
    /// What the latest accepted order content said (a cancel SUP carries none), so a test can see
    /// what reached the carrier: the supplement type, porting indicator, BTNs, address, new RespOrg.
    public var supplementType: SupplementType?
    public var portingIndicator: PortOrder.PortingIndicator
    public var btn: String?
    public var newBTN: String?
    public var serviceAddress: ServiceAddress?
    public var newRespOrg: String?
    /// Whether that order carried a PIN; the PIN itself is never shown.
    public var pinReceived: Bool

    enum CodingKeys: String, CodingKey {
        case pon
        case orderId = "order_id"
        case version, status
        case numberType = "number_type"
        case losingCarrier = "losing_carrier"
        case numbers
        case focDate = "foc_date"
        case activatedNumbers = "activated_numbers"
        case events
        case nextActionAt = "next_action_at"
        case supplementType = "supplement_type"
        case portingIndicator = "porting_indicator"
        case btn
        case newBTN = "new_btn"
        case serviceAddress = "service_address"
        case newRespOrg = "new_resp_org"
        case pinReceived = "pin_received"
    }
}

/// What the world says about one number (`GET /sim/numbers/{e164}`), including its CSR and PIN:
/// simulated data for tests and demos, behind the admin API key.
public struct NumberDescription: Sendable, Hashable, Codable {
    /// The number as asked.
    public var number: String
    /// E.164 when it parsed.
    public var e164: String?
    /// The partner's portability verdict for the number.
    public var portability: PortabilityResult
    /// `active`, `disconnected`, `spare`, `unavailable`, `invalid` or `not_in_world` (non-NANP).
    public var status: String
    /// True when an explicit subscriber record, not the generated world, holds the number.
    public var explicit: Bool
    /// The account's CSR as the carrier would release it.
    public var csr: CSRResponse?
    /// The account PIN (simulated data, shown for tests and demos only).
    public var pin: String?
    public var pendingOrder: Bool
    /// The PON of an open order at the partner holding this number.
    public var openOrder: String?

    enum CodingKeys: String, CodingKey {
        case number, e164, portability, status, explicit, csr, pin
        case pendingOrder = "pending_order"
        case openOrder = "open_order"
    }
}
