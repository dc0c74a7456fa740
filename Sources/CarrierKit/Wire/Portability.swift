import PortInCore

/// Up to 20,000 numbers in one portability check.
public struct PortabilityCheckRequest: Sendable, Hashable, Codable {
    public var numbers: [String]
    public init(numbers: [String]) { self.numbers = numbers }
}

public struct PortabilityCheckResponse: Sendable, Hashable, Codable {
    public var results: [PortabilityResult]
    public init(results: [PortabilityResult]) { self.results = results }
}

/// Who holds the number today.
public struct CarrierIdentity: Sendable, Hashable, Codable {
    public var name: String
    public var spid: String
    public var ocn: String?
    public var lineType: LineType

    enum CodingKeys: String, CodingKey {
        case name, spid, ocn
        case lineType = "line_type"
    }

    public init(name: String, spid: String, ocn: String? = nil, lineType: LineType) {
        self.name = name
        self.spid = spid
        self.ocn = ocn
        self.lineType = lineType
    }
}

/// The portability verdict for one number, as the partner carrier reports it.
public struct PortabilityResult: Sendable, Hashable, Codable {
    /// The number as asked (normalised to E.164 when it parsed).
    public var number: String
    public var portable: Bool
    /// Why not, as a stable code (`invalid_number`, `not_portable`, `unsupported_rate_center`,
    /// `disconnected`, `pending_port`, `premium_number`...), nil when portable.
    public var reason: String?
    public var numberType: NumberType?
    public var losingCarrier: CarrierIdentity?
    public var rateCenter: String?
    /// Two-letter state / province of the rate center.
    public var region: String?
    /// True when the losing carrier will check an account PIN/passcode.
    public var pinRequired: Bool
    /// True when the line qualifies as an FCC simple port.
    public var simplePort: Bool
    /// Toll-free only: the RespOrg controlling the number today.
    public var respOrg: String?

    enum CodingKeys: String, CodingKey {
        case number, portable, reason
        case numberType = "number_type"
        case losingCarrier = "losing_carrier"
        case rateCenter = "rate_center"
        case region
        case pinRequired = "pin_required"
        case simplePort = "simple_port"
        case respOrg = "resp_org"
    }

    public init(number: String, portable: Bool, reason: String? = nil, numberType: NumberType? = nil,
                losingCarrier: CarrierIdentity? = nil, rateCenter: String? = nil, region: String? = nil,
                pinRequired: Bool = false, simplePort: Bool = false, respOrg: String? = nil) {
        self.number = number
        self.portable = portable
        self.reason = reason
        self.numberType = numberType
        self.losingCarrier = losingCarrier
        self.rateCenter = rateCenter
        self.region = region
        self.pinRequired = pinRequired
        self.simplePort = simplePort
        self.respOrg = respOrg
    }
}
