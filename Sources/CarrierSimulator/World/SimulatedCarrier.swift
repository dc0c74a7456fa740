import CarrierKit
import Foundation
import PortInCore

/// One fictional losing carrier of the simulated network, with the rules it applies to ports.
public struct SimulatedCarrier: Sendable, Hashable, Identifiable {
    /// When the carrier asks for an account PIN / passcode.
    public enum PINPolicy: String, Sendable, Hashable, Codable {
        /// Every account has a PIN and the carrier checks it (wireless).
        case always
        /// Only accounts whose holder set a PIN (about `optionalPINPerMille` / 1000 of them).
        case whenSet = "when_set"
        /// The carrier never checks a PIN.
        case never
    }

    /// Stable slug, e.g. `acme-wireless`.
    public let id: String
    public let name: String
    /// NPAC service provider id (4 characters).
    public let spid: String
    /// Operating company number.
    public let ocn: String
    public let lineType: LineType
    public let pinPolicy: PINPolicy
    /// Share of accounts (per mille) with a PIN under `.whenSet`.
    public let optionalPINPerMille: Int
    /// The carrier's own holidays on top of the federal ones.
    public let holidayRules: [HolidayRule]
    /// The carrier's local time zone (LSR cut-off, answer and activation times).
    public let timeZone: TimeZone
    /// Earliest due date = LSR received day + this many of the carrier's business days.
    public let focLeadBusinessDays: Int
    /// Business days the carrier takes to answer (FOC or reject), drawn per order version.
    public let responseDelay: ClosedRange<Int>
    /// Strict carriers compare names strictly (`CSRMatcher.compare(..., strict: true)`).
    public let strict: Bool
    /// Whether a wireline CSR is released only with the account number.
    public let csrNeedsAccountNumber: Bool
    /// The carrier's own rejection codes; codes not listed are sent as our `RejectionCode` raw values.
    public let rejectionCodes: [RejectionCode: String]
    /// Business days for this carrier: federal holidays, its own holidays, its time zone.
    public let calendar: BusinessCalendar

    public init(id: String, name: String, spid: String, ocn: String, lineType: LineType, pinPolicy: PINPolicy,
                optionalPINPerMille: Int = 150, holidayRules: [HolidayRule] = [], timeZone: String,
                focLeadBusinessDays: Int, responseDelay: ClosedRange<Int> = 5...7, strict: Bool,
                csrNeedsAccountNumber: Bool = false, rejectionCodes: [RejectionCode: String] = [:]) {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "America/New_York")!
        self.id = id
        self.name = name
        self.spid = spid
        self.ocn = ocn
        self.lineType = lineType
        self.pinPolicy = pinPolicy
        self.optionalPINPerMille = optionalPINPerMille
        self.holidayRules = holidayRules
        self.timeZone = zone
        self.focLeadBusinessDays = focLeadBusinessDays
        self.responseDelay = responseDelay
        self.strict = strict
        self.csrNeedsAccountNumber = csrNeedsAccountNumber
        self.rejectionCodes = rejectionCodes
        // Holidays only matter for the years a simulation can reach; a narrow range keeps start-up cheap.
        self.calendar = BusinessCalendar(extraRules: holidayRules, years: 2000...2100, timeZone: zone)
    }

    /// The carrier as the wire protocol names it.
    public var identity: CarrierIdentity {
        CarrierIdentity(name: name, spid: spid, ocn: ocn, lineType: lineType)
    }

    /// The code this carrier sends for one of our rejection reasons; `RejectionCatalog.map` maps it back.
    public func carrierCode(for code: RejectionCode) -> String {
        rejectionCodes[code] ?? code.rawValue
    }

    public static func == (lhs: SimulatedCarrier, rhs: SimulatedCarrier) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
