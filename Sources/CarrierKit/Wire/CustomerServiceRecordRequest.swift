import PortInCore

/// Ask the losing carrier (through the partner) for the CSR of the account holding `number`.
/// Wireless carriers release it only with the account number and PIN.
public struct CSRRequest: Sendable, Hashable, Codable {
    public var number: String
    public var accountNumber: String?
    public var pin: String?

    enum CodingKeys: String, CodingKey {
        case number
        case accountNumber = "account_number"
        case pin
    }

    public init(number: String, accountNumber: String? = nil, pin: String? = nil) {
        self.number = number
        self.accountNumber = accountNumber
        self.pin = pin
    }
}

/// The CSR as the carrier releases it. Fields a carrier withholds are nil; the PIN never travels back.
public struct CSRResponse: Sendable, Hashable, Codable {
    public var accountNumber: String?
    public var btn: String?
    public var subscriberType: SubscriberType?
    public var businessName: String?
    public var firstName: String?
    public var lastName: String?
    public var authorizedName: String?
    public var serviceAddress: ServiceAddress?
    /// Every number on the account (E.164).
    public var numbers: [String]
    /// True when the account has a PIN/passcode the carrier will check.
    public var pinOnAccount: Bool
    public var losingCarrier: CarrierIdentity

    enum CodingKeys: String, CodingKey {
        case accountNumber = "account_number"
        case btn
        case subscriberType = "subscriber_type"
        case businessName = "business_name"
        case firstName = "first_name"
        case lastName = "last_name"
        case authorizedName = "authorized_name"
        case serviceAddress = "service_address"
        case numbers
        case pinOnAccount = "pin_on_account"
        case losingCarrier = "losing_carrier"
    }

    public init(accountNumber: String?, btn: String?, subscriberType: SubscriberType?, businessName: String? = nil,
                firstName: String? = nil, lastName: String? = nil, authorizedName: String?,
                serviceAddress: ServiceAddress?, numbers: [String], pinOnAccount: Bool, losingCarrier: CarrierIdentity) {
        self.accountNumber = accountNumber
        self.btn = btn
        self.subscriberType = subscriberType
        self.businessName = businessName
        self.firstName = firstName
        self.lastName = lastName
        self.authorizedName = authorizedName
        self.serviceAddress = serviceAddress
        self.numbers = numbers
        self.pinOnAccount = pinOnAccount
        self.losingCarrier = losingCarrier
    }
}
