import PortInStore
import PortInCore

/// The editable fields of a port request as sent on create and PATCH: each absent, null or a value.
struct PortRequestFieldsInput: Sendable {
    var kind: Patch<PortKind> = .absent
    var country: Patch<String> = .absent
    var subscriberType: Patch<SubscriberType> = .absent
    var businessName: Patch<String> = .absent
    var firstName: Patch<String> = .absent
    var lastName: Patch<String> = .absent
    var authorizedPerson: Patch<AuthorizedPerson> = .absent
    var serviceAddress: Patch<ServiceAddress> = .absent
    var accountNumber: Patch<String> = .absent
    /// Write-only; never echoed.
    var pin: Patch<String> = .absent
    var btn: Patch<String> = .absent
    var partialPort: Patch<Bool> = .absent
    var newBTN: Patch<String> = .absent
    var requestedFOCDate: Patch<CivilDate> = .absent
    var customerReference: Patch<String> = .absent
    var notificationEmails: Patch<[String]> = .absent

    /// Reads the fields of `object`, reporting every malformed one to `reader`.
    static func read(_ object: [String: JSONValue], into reader: inout InputReader) -> PortRequestFieldsInput {
        var input = PortRequestFieldsInput()
        input.kind = reader.enumeration(object, "kind", as: PortKind.self)
        input.country = reader.string(object, "country", maxLength: 2)
        if let country = input.country.value, country.count != 2 || !country.allSatisfy(\.isLetter) {
            reader.add("country", "invalid_value", "Use an ISO 3166 two-letter country code, e.g. US.")
        }
        input.subscriberType = reader.enumeration(object, "subscriber_type", as: SubscriberType.self)
        input.businessName = reader.string(object, "business_name", maxLength: 200)
        input.firstName = reader.string(object, "first_name", maxLength: 100)
        input.lastName = reader.string(object, "last_name", maxLength: 100)
        switch reader.object(object, "authorized_person") {
        case .absent: break
        case .null: input.authorizedPerson = .null
        case .value(let person):
            let name = reader.requiredString(person, "name", at: "authorized_person", maxLength: 200)
            let title = reader.string(person, "title", at: "authorized_person", maxLength: 100).value
            let email = reader.string(person, "email", at: "authorized_person", maxLength: 254).value
            if let email, !InputReader.isEmail(email) {
                reader.add("authorized_person.email", "invalid_email", "This is not an email address.")
            }
            if let name { input.authorizedPerson = .value(AuthorizedPerson(name: name, title: title, email: email)) }
        }
        switch reader.object(object, "service_address") {
        case .absent: break
        case .null: input.serviceAddress = .null
        case .value(let address):
            let path = "service_address"
            let house = reader.requiredString(address, "house_number", at: path, maxLength: 20)
            let street = reader.requiredString(address, "street", at: path, maxLength: 200)
            let unit = reader.string(address, "unit", at: path, maxLength: 50).value
            let city = reader.requiredString(address, "city", at: path, maxLength: 100)
            let state = reader.requiredString(address, "state", at: path, maxLength: 50)
            let postal = reader.requiredString(address, "postal_code", at: path, maxLength: 20)
            let country = reader.string(address, "country", at: path, maxLength: 2).value ?? "US"
            if let house, let street, let city, let state, let postal {
                input.serviceAddress = .value(ServiceAddress(houseNumber: house, street: street, unit: unit, city: city, state: state,
                                                             postalCode: postal, country: country.uppercased()))
            }
        }
        input.accountNumber = reader.string(object, "account_number", maxLength: 64)
        input.pin = reader.string(object, "pin", maxLength: 32)
        input.btn = reader.string(object, "btn", maxLength: 32)
        input.partialPort = reader.bool(object, "partial_port")
        input.newBTN = reader.string(object, "new_btn", maxLength: 32)
        input.requestedFOCDate = reader.date(object, "requested_foc_date")
        input.customerReference = reader.string(object, "customer_reference", maxLength: 255)
        input.notificationEmails = reader.strings(object, "notification_emails", maxCount: 20, maxLength: 254)
        for (index, email) in (input.notificationEmails.value ?? []).enumerated() where !InputReader.isEmail(email) {
            reader.add("notification_emails[\(index)]", "invalid_email", "This is not an email address.")
        }
        return input
    }

    /// Applies every present field to `draft` (null clears optional fields, resets flags).
    func apply(to draft: inout PortRequestDraft) {
        if let kind = kind.value { draft.kind = kind }
        if let country = country.value { draft.country = country.uppercased() }
        if let subscriberType = subscriberType.value { draft.subscriberType = subscriberType }
        businessName.apply(to: &draft.businessName)
        firstName.apply(to: &draft.firstName)
        lastName.apply(to: &draft.lastName)
        authorizedPerson.apply(to: &draft.authorizedPerson)
        serviceAddress.apply(to: &draft.serviceAddress)
        accountNumber.apply(to: &draft.accountNumber)
        btn.apply(to: &draft.btn)
        switch partialPort {
        case .absent: break
        case .null: draft.partialPort = false
        case .value(let flag): draft.partialPort = flag
        }
        newBTN.apply(to: &draft.newBTN)
        requestedFOCDate.apply(to: &draft.requestedFOCDate)
        customerReference.apply(to: &draft.customerReference)
        switch notificationEmails {
        case .absent: break
        case .null: draft.notificationEmails = []
        case .value(let emails): draft.notificationEmails = emails.map { $0.lowercased() }
        }
    }

    /// How the stored PIN changes.
    var pinUpdate: PINUpdate {
        switch pin {
        case .absent: .keep
        case .null: .clear
        case .value(let pin): .set(pin)
        }
    }
}
