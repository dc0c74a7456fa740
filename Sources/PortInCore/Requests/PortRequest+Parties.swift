/// Which porting path a request takes.
public enum PortKind: String, Sendable, Hashable, Codable, CaseIterable {
    case local
    case tollFree = "toll_free"
    case international
}

/// The losing carrier's account holder: decides which name fields the CSR is matched on.
public enum SubscriberType: String, Sendable, Hashable, Codable, CaseIterable {
    case business
    case residential
}

/// The person who signs the LOA and may authorize the port.
public struct AuthorizedPerson: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    public var email: String?

    public init(name: String, title: String? = nil, email: String? = nil) {
        self.name = name
        self.title = title
        self.email = email
    }
}

/// A structured service address, shaped like the LSR's end-user location fields
/// (house number, street, unit) so it can be compared field by field with a CSR.
public struct ServiceAddress: Sendable, Hashable, Codable {
    public var houseNumber: String
    public var street: String
    /// Unit designator and number as typed: "Suite 200", "Apt 4B", "#12".
    public var unit: String?
    public var city: String
    /// US state / Canadian province code, or a region for other countries.
    public var state: String
    public var postalCode: String
    /// ISO 3166 alpha-2.
    public var country: String

    enum CodingKeys: String, CodingKey {
        case houseNumber = "house_number"
        case street
        case unit
        case city
        case state
        case postalCode = "postal_code"
        case country
    }

    public init(houseNumber: String, street: String, unit: String? = nil, city: String,
                state: String, postalCode: String, country: String = "US") {
        self.houseNumber = houseNumber
        self.street = street
        self.unit = unit
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }
}
