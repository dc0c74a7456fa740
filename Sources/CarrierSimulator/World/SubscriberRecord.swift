import Foundation
import PortInCore

/// An explicit account the losing carrier has on file, registered through the admin API or a file at
/// start. It overrides the generated world for its numbers, so a test decides exactly what the CSR says.
public struct SubscriberRecord: Sendable, Hashable, Codable {
    /// The carrier holding the account: its SPID or slug (`6101` or `acme-wireless`); for toll-free
    /// numbers, the controlling RespOrg id.
    public var carrier: String
    public var accountNumber: String
    /// Account PIN / passcode; when set, the carrier checks it.
    public var pin: String?
    /// Billing telephone number; defaults to the first number.
    public var btn: String?
    public var subscriberType: SubscriberType
    public var businessName: String?
    public var firstName: String?
    public var lastName: String?
    public var authorizedName: String
    public var serviceAddress: ServiceAddress
    /// Every number on the account (any format PhoneNumber.parse reads).
    public var numbers: [String]
    /// The account has another order open (move, change, disconnect): the carrier rejects ports.
    public var pendingOrder: Bool
    /// Numbers that already have a port pending with another provider.
    public var pendingPortNumbers: [String]
    /// Numbers that are disconnected (not portable; toll-free: unavailable).
    public var disconnectedNumbers: [String]
    /// True when the account's lines are not in a rate center the partner supports.
    public var unsupportedRateCenter: Bool
    /// True when the account has features that make it a non-simple port (Centrex, DID, remote forwarding).
    public var complexFeatures: Bool
    /// Rate center name; defaults to the generated one.
    public var rateCenter: String?

    enum CodingKeys: String, CodingKey {
        case carrier
        case accountNumber = "account_number"
        case pin, btn
        case subscriberType = "subscriber_type"
        case businessName = "business_name"
        case firstName = "first_name"
        case lastName = "last_name"
        case authorizedName = "authorized_name"
        case serviceAddress = "service_address"
        case numbers
        case pendingOrder = "pending_order"
        case pendingPortNumbers = "pending_port_numbers"
        case disconnectedNumbers = "disconnected_numbers"
        case unsupportedRateCenter = "unsupported_rate_center"
        case complexFeatures = "complex_features"
        case rateCenter = "rate_center"
    }

    public init(carrier: String, accountNumber: String, pin: String? = nil, btn: String? = nil,
                subscriberType: SubscriberType = .business, businessName: String? = nil, firstName: String? = nil,
                lastName: String? = nil, authorizedName: String, serviceAddress: ServiceAddress, numbers: [String],
                pendingOrder: Bool = false, pendingPortNumbers: [String] = [], disconnectedNumbers: [String] = [],
                unsupportedRateCenter: Bool = false, complexFeatures: Bool = false, rateCenter: String? = nil) {
        self.carrier = carrier
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
        self.pendingOrder = pendingOrder
        self.pendingPortNumbers = pendingPortNumbers
        self.disconnectedNumbers = disconnectedNumbers
        self.unsupportedRateCenter = unsupportedRateCenter
        self.complexFeatures = complexFeatures
        self.rateCenter = rateCenter
    }

    // Optional flags and lists may be left out of JSON.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            carrier: try c.decode(String.self, forKey: .carrier),
            accountNumber: try c.decode(String.self, forKey: .accountNumber),
            pin: try c.decodeIfPresent(String.self, forKey: .pin),
            btn: try c.decodeIfPresent(String.self, forKey: .btn),
            subscriberType: try c.decodeIfPresent(SubscriberType.self, forKey: .subscriberType) ?? .business,
            businessName: try c.decodeIfPresent(String.self, forKey: .businessName),
            firstName: try c.decodeIfPresent(String.self, forKey: .firstName),
            lastName: try c.decodeIfPresent(String.self, forKey: .lastName),
            authorizedName: try c.decode(String.self, forKey: .authorizedName),
            serviceAddress: try c.decode(ServiceAddress.self, forKey: .serviceAddress),
            numbers: try c.decode([String].self, forKey: .numbers),
            pendingOrder: try c.decodeIfPresent(Bool.self, forKey: .pendingOrder) ?? false,
            pendingPortNumbers: try c.decodeIfPresent([String].self, forKey: .pendingPortNumbers) ?? [],
            disconnectedNumbers: try c.decodeIfPresent([String].self, forKey: .disconnectedNumbers) ?? [],
            unsupportedRateCenter: try c.decodeIfPresent(Bool.self, forKey: .unsupportedRateCenter) ?? false,
            complexFeatures: try c.decodeIfPresent(Bool.self, forKey: .complexFeatures) ?? false,
            rateCenter: try c.decodeIfPresent(String.self, forKey: .rateCenter))
    }
}
