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
    /// Write-only secret: never echoed, logged or emailed. Deliberately left out of Codable
    /// so no encoder (API response, log, stored JSON) can ever carry it.
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
    /// Values for the extra fields of the country's LOA template (e.g. a UK CUPID code), by field
    /// key. Not secrets: they are printed on the LOA.
    public var loaFields: [String: String]

    enum CodingKeys: String, CodingKey {
        case kind
        case country
        case subscriberType = "subscriber_type"
        case businessName = "business_name"
        case firstName = "first_name"
        case lastName = "last_name"
        case authorizedPerson = "authorized_person"
        case serviceAddress = "service_address"
        case accountNumber = "account_number"
        case btn
        case partialPort = "partial_port"
        case newBTN = "new_btn"
        case requestedFOCDate = "requested_foc_date"
        case customerReference = "customer_reference"
        case notificationEmails = "notification_emails"
        case numbers
        case documents
        case loaFields = "loa_fields"
    }

    public init(kind: PortKind = .local, country: String = "US", subscriberType: SubscriberType = .business,
                businessName: String? = nil, firstName: String? = nil, lastName: String? = nil,
                authorizedPerson: AuthorizedPerson? = nil, serviceAddress: ServiceAddress? = nil,
                accountNumber: String? = nil, pin: String? = nil, btn: String? = nil,
                partialPort: Bool = false, newBTN: String? = nil, requestedFOCDate: CivilDate? = nil,
                customerReference: String? = nil, notificationEmails: [String] = [],
                numbers: [String] = [], documents: [DocumentFacts] = [], loaFields: [String: String] = [:]) {
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
        self.loaFields = loaFields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(PortKind.self, forKey: .kind)
        country = try container.decode(String.self, forKey: .country)
        subscriberType = try container.decode(SubscriberType.self, forKey: .subscriberType)
        businessName = try container.decodeIfPresent(String.self, forKey: .businessName)
        firstName = try container.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        authorizedPerson = try container.decodeIfPresent(AuthorizedPerson.self, forKey: .authorizedPerson)
        serviceAddress = try container.decodeIfPresent(ServiceAddress.self, forKey: .serviceAddress)
        accountNumber = try container.decodeIfPresent(String.self, forKey: .accountNumber)
        pin = nil
        btn = try container.decodeIfPresent(String.self, forKey: .btn)
        partialPort = try container.decode(Bool.self, forKey: .partialPort)
        newBTN = try container.decodeIfPresent(String.self, forKey: .newBTN)
        requestedFOCDate = try container.decodeIfPresent(CivilDate.self, forKey: .requestedFOCDate)
        customerReference = try container.decodeIfPresent(String.self, forKey: .customerReference)
        notificationEmails = try container.decode([String].self, forKey: .notificationEmails)
        numbers = try container.decode([String].self, forKey: .numbers)
        documents = try container.decode([DocumentFacts].self, forKey: .documents)
        // Drafts written before LOA templates had extra fields have none.
        loaFields = try container.decodeIfPresent([String: String].self, forKey: .loaFields) ?? [:]
    }
}
