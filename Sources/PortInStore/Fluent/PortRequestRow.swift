import Foundation
import PortInCore

/// One `port_requests` row: content flat (typed, readable and searchable), lists as JSON text.
struct PortRequestRow: Codable, Sendable {
    var id: String
    var accountId: String
    var groupId: String
    var status: String
    var kind: String
    var country: String
    var subscriberType: String
    var businessName: String?
    var firstName: String?
    var lastName: String?
    var authorizedName: String?
    var authorizedTitle: String?
    var authorizedEmail: String?
    var addressHouseNumber: String?
    var addressStreet: String?
    var addressUnit: String?
    var addressCity: String?
    var addressState: String?
    var addressPostalCode: String?
    var addressCountry: String?
    var accountNumber: String?
    var pinSealed: Data?
    var btn: String?
    var partialPort: Bool
    var newBtn: String?
    var requestedFocDate: String?
    var customerReference: String?
    var notificationEmails: String
    /// The LOA template's extra field values as JSON text; nil when there are none.
    var loaFields: String? = nil
    var numberType: String?
    var losingCarrierSpid: String?
    var losingCarrierName: String?
    var pon: String
    var version: Int
    var focDate: String?
    var reasons: String
    var createdAt: Date
    var updatedAt: Date
    var submittedAt: Date?
    var completedAt: Date?

    /// Copies the content of `draft` (never its PIN) into the flat columns.
    mutating func setContent(_ draft: PortRequestDraft) throws {
        kind = draft.kind.rawValue
        country = draft.country
        subscriberType = draft.subscriberType.rawValue
        businessName = draft.businessName
        firstName = draft.firstName
        lastName = draft.lastName
        authorizedName = draft.authorizedPerson?.name
        authorizedTitle = draft.authorizedPerson?.title
        authorizedEmail = draft.authorizedPerson?.email
        addressHouseNumber = draft.serviceAddress?.houseNumber
        addressStreet = draft.serviceAddress?.street
        addressUnit = draft.serviceAddress?.unit
        addressCity = draft.serviceAddress?.city
        addressState = draft.serviceAddress?.state
        addressPostalCode = draft.serviceAddress?.postalCode
        addressCountry = draft.serviceAddress?.country
        accountNumber = draft.accountNumber
        btn = draft.btn
        partialPort = draft.partialPort
        newBtn = draft.newBTN
        requestedFocDate = draft.requestedFOCDate?.description
        customerReference = draft.customerReference
        notificationEmails = try StoreJSON.encode(draft.notificationEmails)
        loaFields = draft.loaFields.isEmpty ? nil : try StoreJSON.encode(draft.loaFields)
    }

    /// The columns `setContent` writes, for updates.
    static let contentColumns = [
        "kind", "country", "subscriber_type", "business_name", "first_name", "last_name", "authorized_name",
        "authorized_title", "authorized_email", "address_house_number", "address_street", "address_unit", "address_city",
        "address_state", "address_postal_code", "address_country", "account_number", "btn", "partial_port", "new_btn",
        "requested_foc_date", "customer_reference", "notification_emails", "loa_fields",
    ]

    func record(numbers: [RequestNumber], documents: [DocumentFacts]) throws -> StoredPortRequest {
        var authorized: AuthorizedPerson?
        if let authorizedName { authorized = AuthorizedPerson(name: authorizedName, title: authorizedTitle, email: authorizedEmail) }
        var address: ServiceAddress?
        if let addressHouseNumber, let addressStreet, let addressCity, let addressState, let addressPostalCode {
            address = ServiceAddress(houseNumber: addressHouseNumber, street: addressStreet, unit: addressUnit, city: addressCity,
                                     state: addressState, postalCode: addressPostalCode, country: addressCountry ?? country)
        }
        let draft = PortRequestDraft(
            kind: PortKind(rawValue: kind) ?? .local, country: country,
            subscriberType: SubscriberType(rawValue: subscriberType) ?? .business, businessName: businessName,
            firstName: firstName, lastName: lastName, authorizedPerson: authorized, serviceAddress: address,
            accountNumber: accountNumber, pin: nil, btn: btn, partialPort: partialPort, newBTN: newBtn,
            requestedFOCDate: requestedFocDate.flatMap(CivilDate.init), customerReference: customerReference,
            notificationEmails: try StoreJSON.decode([String].self, from: notificationEmails),
            numbers: numbers.map(\.e164), documents: documents,
            loaFields: try loaFields.map { try StoreJSON.decode([String: String].self, from: $0) } ?? [:])
        var carrier: CarrierRef?
        if let losingCarrierSpid { carrier = CarrierRef(spid: losingCarrierSpid, name: losingCarrierName ?? "") }
        return StoredPortRequest(
            id: id, accountId: accountId, groupId: groupId, status: PortStatus(rawValue: status) ?? .draft, draft: draft,
            sealedPIN: pinSealed.map(SealedSecret.init(combined:)), numberType: numberType.flatMap(NumberType.init(rawValue:)),
            losingCarrier: carrier, pon: pon, version: version, focDate: focDate.flatMap(CivilDate.init),
            reasons: try StoreJSON.decode([Rejection].self, from: reasons), numbers: numbers, createdAt: createdAt,
            updatedAt: updatedAt, submittedAt: submittedAt, completedAt: completedAt)
    }
}

struct RequestNumberRow: Codable, Sendable {
    var requestId: String
    var e164: String
    var position: Int
    var status: String
    var focDate: String?
    var isOpen: Bool

    var record: RequestNumber {
        RequestNumber(requestId: requestId, e164: e164, status: RequestNumberStatus(rawValue: status) ?? .pending,
                      focDate: focDate.flatMap(CivilDate.init))
    }
}
