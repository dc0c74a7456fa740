import PortInCore

/// Everything an LOA states, as a value. Deliberately has no PIN or passcode field: the LOA is
/// shown to people and carriers and is kept for years, so a secret must never reach it.
public struct LOAContent: Sendable, Hashable, Codable {
    /// Our port request id, printed on every page.
    public var requestID: String
    public var pon: String?
    /// The subscriber / billing name exactly as on the losing carrier's account.
    public var subscriberName: String
    public var authorizedPerson: AuthorizedPerson
    public var serviceAddress: ServiceAddress
    /// The losing carrier (for toll-free: the current RespOrg or carrier).
    public var currentCarrier: String
    public var accountNumber: String?
    /// Billing telephone number as typed.
    public var btn: String?
    /// Our company, the provider the subscriber designates.
    public var newProvider: String
    /// The LOA's date.
    public var date: CivilDate
    /// Every number, each printed individually, in this order.
    public var numbers: [PhoneNumber]
    /// Values for an international template's extra fields, by field key.
    public var extraFields: [String: String]

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case pon
        case subscriberName = "subscriber_name"
        case authorizedPerson = "authorized_person"
        case serviceAddress = "service_address"
        case currentCarrier = "current_carrier"
        case accountNumber = "account_number"
        case btn
        case newProvider = "new_provider"
        case date
        case numbers
        case extraFields = "extra_fields"
    }

    public init(requestID: String, pon: String? = nil, subscriberName: String, authorizedPerson: AuthorizedPerson,
                serviceAddress: ServiceAddress, currentCarrier: String, accountNumber: String? = nil,
                btn: String? = nil, newProvider: String, date: CivilDate, numbers: [PhoneNumber],
                extraFields: [String: String] = [:]) {
        self.requestID = requestID
        self.pon = pon
        self.subscriberName = subscriberName
        self.authorizedPerson = authorizedPerson
        self.serviceAddress = serviceAddress
        self.currentCarrier = currentCarrier
        self.accountNumber = accountNumber
        self.btn = btn
        self.newProvider = newProvider
        self.date = date
        self.numbers = numbers
        self.extraFields = extraFields
    }

    /// The service address on one line, as the LOA prints it.
    var formattedAddress: String {
        let address = serviceAddress
        var street = "\(address.houseNumber) \(address.street)"
        if let unit = address.unit, !unit.isEmpty { street += ", \(unit)" }
        return "\(street), \(address.city), \(address.state) \(address.postalCode), \(address.country)"
    }
}
