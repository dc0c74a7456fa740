import Foundation
import PortInCore
import PortInStore

/// A port request as the API shows it: the PIN only as `pin_provided`.
struct PortRequestBody: Encodable {
    var id: String
    var groupId: String
    var accountId: String
    var status: PortStatus
    var kind: PortKind
    var country: String
    var subscriberType: SubscriberType
    var businessName: String?
    var firstName: String?
    var lastName: String?
    var authorizedPerson: AuthorizedPersonBody?
    var serviceAddress: ServiceAddressBody?
    var accountNumber: String?
    var pinProvided: Bool
    var btn: String?
    var partialPort: Bool
    var newBtn: String?
    var requestedFocDate: String?
    var focDate: String?
    var customerReference: String?
    var notificationEmails: [String]
    /// Values of the country LOA template's extra fields (not secrets: printed on the LOA).
    var loaFields: [String: String]
    var numbers: [RequestNumberBody]
    var numberType: NumberType?
    var losingCarrier: CarrierBody?
    var pon: String
    var version: Int
    var reasons: [ReasonBody]
    var documents: [DocumentBody]?
    var createdAt: Date
    var updatedAt: Date
    var submittedAt: Date?
    var completedAt: Date?

    init(_ request: StoredPortRequest, documents: [Document]? = nil) {
        let draft = request.draft
        id = request.id
        groupId = request.groupId
        accountId = request.accountId
        status = request.status
        kind = draft.kind
        country = draft.country
        subscriberType = draft.subscriberType
        businessName = draft.businessName
        firstName = draft.firstName
        lastName = draft.lastName
        authorizedPerson = draft.authorizedPerson.map(AuthorizedPersonBody.init)
        serviceAddress = draft.serviceAddress.map(ServiceAddressBody.init)
        accountNumber = draft.accountNumber
        pinProvided = request.pinProvided
        btn = draft.btn
        partialPort = draft.partialPort
        newBtn = draft.newBTN
        requestedFocDate = draft.requestedFOCDate?.description
        focDate = request.focDate?.description
        customerReference = draft.customerReference
        notificationEmails = draft.notificationEmails
        loaFields = draft.loaFields
        numbers = request.numbers.map(RequestNumberBody.init)
        numberType = request.numberType
        losingCarrier = request.losingCarrier.map { CarrierBody(name: $0.name, spid: $0.spid) }
        pon = request.pon
        version = request.version
        reasons = request.reasons.map(ReasonBody.init)
        self.documents = documents?.map(DocumentBody.init)
        createdAt = request.createdAt
        updatedAt = request.updatedAt
        submittedAt = request.submittedAt
        completedAt = request.completedAt
    }
}

struct AuthorizedPersonBody: Encodable {
    var name: String
    var title: String?
    var email: String?

    init(_ person: AuthorizedPerson) {
        name = person.name
        title = person.title
        email = person.email
    }
}

struct ServiceAddressBody: Encodable {
    var houseNumber: String
    var street: String
    var unit: String?
    var city: String
    var state: String
    var postalCode: String
    var country: String

    init(_ address: ServiceAddress) {
        houseNumber = address.houseNumber
        street = address.street
        unit = address.unit
        city = address.city
        state = address.state
        postalCode = address.postalCode
        country = address.country
    }
}

struct CarrierBody: Encodable {
    var name: String
    var spid: String
}

struct RequestNumberBody: Encodable {
    var number: String
    var status: RequestNumberStatus
    var focDate: String?

    init(_ number: RequestNumber) {
        self.number = number.e164
        status = number.status
        focDate = number.focDate?.description
    }
}

/// A rejection reason with the catalog's explanation and fix, the carrier's own code kept alongside.
struct ReasonBody: Encodable {
    var code: String
    var field: String?
    var message: String
    var fixHint: String?
    var number: String?
    var carrierCode: String?

    init(_ rejection: Rejection) {
        let entry = RejectionCatalog.entry(for: rejection.code)
        code = rejection.code.rawValue
        field = rejection.fields.first
        message = rejection.message ?? entry.explanation
        fixHint = entry.fixHint
        number = rejection.number
        carrierCode = rejection.carrierCode
    }
}

/// A list page.
struct ListBody<Item: Encodable>: Encodable {
    var data: [Item]
    var nextCursor: String?
}

/// A list without paging (documents, comments, events of one request).
struct DataBody<Item: Encodable>: Encodable {
    var data: [Item]
}
