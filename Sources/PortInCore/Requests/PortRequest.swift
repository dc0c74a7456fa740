/// The customer-editable content of a port request: everything the losing carrier will
/// compare with its CSR, plus what we need to run the port. Status and history live with
/// the stored request; this is the part validation and the LSR are built from.
public struct PortRequestDraft: Sendable, Hashable, Codable {
    public var kind: PortKind
    /// ISO 3166 alpha-2 of the numbers' country.
    public var country: String
    public var subscriberType: SubscriberType
    public var businessName: String?
    public var firstName: String?
    public var lastName: String?
    public var authorizedPerson: AuthorizedPerson?
    public var serviceAddress: ServiceAddress?
    public var accountNumber: String?
    /// Write-only secret: never echoed, logged or emailed.
    public var pin: String?
    /// Billing telephone number of the losing carrier's account, as typed.
    public var btn: String?
    public var partialPort: Bool
    /// Required when the BTN ports while other numbers stay behind: one of those numbers.
    public var newBTN: String?
    public var requestedFOCDate: CivilDate?
    public var customerReference: String?
    public var notificationEmails: [String]
    /// Numbers as typed; validation normalises them.
    public var numbers: [String]
    public var documents: [DocumentFacts]

    public init(kind: PortKind = .local, country: String = "US", subscriberType: SubscriberType = .business,
                businessName: String? = nil, firstName: String? = nil, lastName: String? = nil,
                authorizedPerson: AuthorizedPerson? = nil, serviceAddress: ServiceAddress? = nil,
                accountNumber: String? = nil, pin: String? = nil, btn: String? = nil,
                partialPort: Bool = false, newBTN: String? = nil, requestedFOCDate: CivilDate? = nil,
                customerReference: String? = nil, notificationEmails: [String] = [],
                numbers: [String] = [], documents: [DocumentFacts] = []) {
        self.kind = kind
        self.country = country
        self.subscriberType = subscriberType
        self.businessName = businessName
        self.firstName = firstName
        self.lastName = lastName
        self.authorizedPerson = authorizedPerson
        self.serviceAddress = serviceAddress
        self.accountNumber = accountNumber
        self.pin = pin
        self.btn = btn
        self.partialPort = partialPort
        self.newBTN = newBTN
        self.requestedFOCDate = requestedFOCDate
        self.customerReference = customerReference
        self.notificationEmails = notificationEmails
        self.numbers = numbers
        self.documents = documents
    }
}
