/// What the losing carrier has on file for an account (its Customer Service Record).
public struct CustomerServiceRecord: Sendable, Hashable, Codable {
    public var accountNumber: String
    /// Wireless passcode, when the account has one. A secret: never copied into match results.
    public var pin: String?
    /// Billing telephone number, E.164.
    public var btn: String
    public var subscriberType: SubscriberType
    public var businessName: String?
    public var firstName: String?
    public var lastName: String?
    /// The person authorized on the account.
    public var authorizedName: String
    public var serviceAddress: ServiceAddress
    /// Every number on the account, E.164.
    public var numbers: [String]

    public init(accountNumber: String, pin: String? = nil, btn: String, subscriberType: SubscriberType,
                businessName: String? = nil, firstName: String? = nil, lastName: String? = nil,
                authorizedName: String, serviceAddress: ServiceAddress, numbers: [String] = []) {
        self.accountNumber = accountNumber
        self.pin = pin
        self.btn = btn
        self.subscriberType = subscriberType
        self.businessName = businessName
        self.firstName = firstName
        self.lastName = lastName
        self.authorizedName = authorizedName
        self.serviceAddress = serviceAddress
        self.numbers = numbers
    }
}
