import PortInCore
import PortInDocuments
import PortInStore

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
    /// Values of the LOA template's extra fields, merged key by key: a null (or blank) value removes
    /// that key, `loa_fields: null` removes all.
    var loaFields: Patch<[String: String?]> = .absent

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
        input.loaFields = loaFields(object, into: &reader)
        return input
    }

    /// `loa_fields`: an object of field key -> short text (or null). Keys are checked against the
    /// request's template by the service, which knows it.
    private static func loaFields(_ object: [String: JSONValue], into reader: inout InputReader) -> Patch<[String: String?]> {
        switch reader.object(object, "loa_fields") {
        case .absent: return .absent
        case .null: return .null
        case .value(let entries):
            if entries.count > LOATemplateService.maxFieldValues {
                reader.add("loa_fields", "too_many", "At most \(LOATemplateService.maxFieldValues) LOA fields; this has \(entries.count).")
                return .absent
            }
            var values: [String: String?] = [:]
            var valid = true
            for key in entries.keys.sorted() {
                let field = "loa_fields." + String(key.prefix(40))
                guard LOATemplate.isFieldKey(key) else {
                    reader.add(field, "invalid_key", "An LOA field key is lower-case letters, digits and underscores (e.g. cupid_code).")
                    valid = false
                    continue
                }
                switch reader.string(entries, key, at: "loa_fields", maxLength: LOATemplateService.maxFieldValueLength) {
                case .value(let text): values[key] = .some(text)
                case .null: values[key] = .some(nil)
                case .absent: valid = false
                }
            }
            return valid ? .value(values) : .absent
        }
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
        switch loaFields {
        case .absent: break
        case .null: draft.loaFields = [:]
        case .value(let values):
            for (key, value) in values { draft.loaFields[key] = value }
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
