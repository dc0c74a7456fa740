import Foundation
import PortInCore

/// What the carrier tells us about an order, delivered as a signed callback. Flat so every
/// kind is one JSON shape; which optional fields are set depends on `type`.
public struct CarrierEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The partner received the order (version).
        case received
        /// The partner checked the order's form and forwarded nothing yet.
        case verified
        /// The partner sent the order to the losing carrier.
        case sentToLosingCarrier = "sent_to_losing_carrier"
        /// Firm order confirmation: the port date (per number).
        case foc
        /// Refused, with every error at once.
        case rejected
        /// The numbers now route to us.
        case activated
        /// The order was cancelled as asked.
        case cancelled
        /// Something needs attention that is not a rejection (e.g. no answer from the losing carrier).
        case exception
    }

    /// Unique per event; receivers dedupe on it (callbacks may be retried or duplicated).
    public var eventId: String
    public var type: Kind
    public var pon: String
    public var version: Int
    public var orderId: String?
    public var occurredAt: Date
    /// `foc`: the port date for the order.
    public var focDate: CivilDate?
    /// `foc`: per-number dates when they differ; `activated`: the numbers activated.
    public var numbers: [NumberDate]?
    /// `rejected`: every error at once.
    public var errors: [CarrierError]?
    /// `exception`: a code such as `losing_carrier_no_response`, `activation_failed`, `resp_org_escalated`.
    public var exceptionCode: String?
    public var message: String?

    public struct NumberDate: Sendable, Hashable, Codable {
        public var number: String
        public var date: CivilDate?
        public init(number: String, date: CivilDate? = nil) {
            self.number = number
            self.date = date
        }
    }

    enum CodingKeys: String, CodingKey {
        case eventId = "event_id"
        case type, pon, version
        case orderId = "order_id"
        case occurredAt = "occurred_at"
        case focDate = "foc_date"
        case numbers, errors
        case exceptionCode = "exception_code"
        case message
    }

    public init(eventId: String, type: Kind, pon: String, version: Int, orderId: String? = nil, occurredAt: Date,
                focDate: CivilDate? = nil, numbers: [NumberDate]? = nil, errors: [CarrierError]? = nil,
                exceptionCode: String? = nil, message: String? = nil) {
        self.eventId = eventId
        self.type = type
        self.pon = pon
        self.version = version
        self.orderId = orderId
        self.occurredAt = occurredAt
        self.focDate = focDate
        self.numbers = numbers
        self.errors = errors
        self.exceptionCode = exceptionCode
        self.message = message
    }
}

/// The one JSON dialect of the carrier wire: ISO 8601 instants, sorted keys (stable bodies for signing).
public enum CarrierWire {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
