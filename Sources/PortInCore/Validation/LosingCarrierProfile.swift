/// What a losing carrier requires of a port request. Carriers differ, so these are data
/// (loaded per carrier), not code.
public struct LosingCarrierProfile: Sendable, Hashable {
    public enum PINPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every order needs the account PIN/passcode (typical for wireless).
        case required
        /// Only when the subscriber set one; the carrier tells us via the portability check.
        case whenSet = "when_set"
        /// The carrier never asks for a PIN.
        case never
    }

    /// Stable id: the carrier's SPID.
    public var id: String
    public var name: String
    public var lineType: LineType
    public var pinPolicy: PINPolicy
    /// FCC simple port: 1 business day; the carrier may ask for more.
    public var simplePortIntervalBusinessDays: Int
    /// Non-simple ports: 4 business days by FCC rule, often more in practice.
    public var standardIntervalBusinessDays: Int
    /// The carrier's calendar: federal holidays plus its own, in its time zone.
    public var calendar: BusinessCalendar

    public init(id: String, name: String, lineType: LineType, pinPolicy: PINPolicy,
                simplePortIntervalBusinessDays: Int = 1, standardIntervalBusinessDays: Int = 4,
                calendar: BusinessCalendar = .usFederal) {
        self.id = id
        self.name = name
        self.lineType = lineType
        self.pinPolicy = pinPolicy
        self.simplePortIntervalBusinessDays = simplePortIntervalBusinessDays
        self.standardIntervalBusinessDays = standardIntervalBusinessDays
        self.calendar = calendar
    }
}

/// What the portability check told us about one number: who holds it and what porting it needs.
public struct NumberRoute: Sendable, Hashable, Codable {
    public var e164: String
    /// The losing carrier's id (SPID); must be a key of the validation context's carriers.
    public var losingCarrier: String
    public var numberType: NumberType
    /// True when the subscriber set a PIN that the losing carrier will check.
    public var pinSet: Bool
    /// True when the line qualifies as an FCC simple port (single line, no complex features).
    public var simplePortEligible: Bool

    public init(e164: String, losingCarrier: String, numberType: NumberType, pinSet: Bool = false,
                simplePortEligible: Bool = false) {
        self.e164 = e164
        self.losingCarrier = losingCarrier
        self.numberType = numberType
        self.pinSet = pinSet
        self.simplePortEligible = simplePortEligible
    }
}
