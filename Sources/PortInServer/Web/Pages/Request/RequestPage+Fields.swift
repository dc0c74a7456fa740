import PortInCore
import PortInStore

/// The correction form's inputs. Each input's name is the API's field path, so the problems of
/// `PATCH` and submit, and the carrier's reasons, land next to the input they name.
struct CorrectionField: Sendable {
    var path: String
    var label: String
    var type: String = "text"
    var hint: String?
    var autocomplete: String?
}

extension RequestPage {
    static let subscriberFields: [CorrectionField] = [
        CorrectionField(path: "business_name", label: "Business name", hint: "Exactly as on the current carrier's bill.",
                        autocomplete: "organization"),
        CorrectionField(path: "first_name", label: "First name", autocomplete: "given-name"),
        CorrectionField(path: "last_name", label: "Last name", autocomplete: "family-name"),
    ]
    static let authorizedFields: [CorrectionField] = [
        CorrectionField(path: "authorized_person.name", label: "Authorized person's name", hint: "The person who signs the LOA.",
                        autocomplete: "name"),
        CorrectionField(path: "authorized_person.title", label: "Their title", autocomplete: "organization-title"),
        CorrectionField(path: "authorized_person.email", label: "Their email", type: "email", autocomplete: "email"),
    ]
    static let addressFields: [CorrectionField] = [
        CorrectionField(path: "service_address.house_number", label: "House number"),
        CorrectionField(path: "service_address.street", label: "Street", autocomplete: "address-line1"),
        CorrectionField(path: "service_address.unit", label: "Unit (suite, floor)", autocomplete: "address-line2"),
        CorrectionField(path: "service_address.city", label: "City", autocomplete: "address-level2"),
        CorrectionField(path: "service_address.state", label: "State", hint: "Two letters, e.g. IL.", autocomplete: "address-level1"),
        CorrectionField(path: "service_address.postal_code", label: "ZIP code", autocomplete: "postal-code"),
    ]
    static let accountFields: [CorrectionField] = [
        CorrectionField(path: "account_number", label: "Account number with the current carrier"),
        CorrectionField(path: "pin", label: "PIN or passcode", type: "password",
                        hint: "Only if the current carrier asks for one. Leave blank to keep the one on file.", autocomplete: "off"),
        CorrectionField(path: "btn", label: "Billing telephone number (BTN)", type: "text", hint: "The main number of the account.",
                        autocomplete: "tel"),
        CorrectionField(path: "new_btn", label: "New BTN (partial port only)",
                        hint: "When the BTN ports and other numbers stay: one of the numbers that stay."),
        CorrectionField(path: "requested_foc_date", label: "Requested port date", type: "date", hint: "Optional. YYYY-MM-DD."),
    ]
    static let partialPortField = "partial_port"

    static var allFields: [CorrectionField] { subscriberFields + authorizedFields + addressFields + accountFields }
    static var fieldLabels: [String: String] {
        var labels = Dictionary(allFields.map { ($0.path, $0.label) }, uniquingKeysWith: { a, _ in a })
        labels[partialPortField] = "Partial port"
        labels["documents.loa"] = "Letter of authorization"
        labels["documents.invoice"] = "Invoice"
        labels["kind"] = "Document type"
        labels["invoice_date"] = "Invoice date"
        labels["signed_by"] = "Signed by"
        labels["signed_on"] = "Signed on"
        labels["file"] = "File"
        labels["body"] = "Comment"
        return labels
    }

    /// The form's values from the stored request (the PIN is never shown).
    static func values(of request: StoredPortRequest) -> [String: String] {
        let draft = request.draft
        var values: [String: String] = [
            "business_name": draft.businessName ?? "", "first_name": draft.firstName ?? "", "last_name": draft.lastName ?? "",
            "authorized_person.name": draft.authorizedPerson?.name ?? "", "authorized_person.title": draft.authorizedPerson?.title ?? "",
            "authorized_person.email": draft.authorizedPerson?.email ?? "",
            "account_number": draft.accountNumber ?? "", "btn": draft.btn ?? "", "new_btn": draft.newBTN ?? "",
            "requested_foc_date": draft.requestedFOCDate?.description ?? "",
        ]
        if let address = draft.serviceAddress {
            values["service_address.house_number"] = address.houseNumber
            values["service_address.street"] = address.street
            values["service_address.unit"] = address.unit ?? ""
            values["service_address.city"] = address.city
            values["service_address.state"] = address.state
            values["service_address.postal_code"] = address.postalCode
        }
        if draft.partialPort { values[partialPortField] = "on" }
        return values
    }

    /// The form as the JSON object `PATCH` takes: a blank input clears its field, a blank PIN keeps
    /// the stored one, a wholly blank address or person clears it, a partial one is reported field by field.
    static func patchObject(_ form: [String: String], subscriberType: SubscriberType, country: String) -> [String: JSONValue] {
        func text(_ key: String) -> String { (form[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ key: String) -> JSONValue { text(key).isEmpty ? .null : .string(text(key)) }
        var object: [String: JSONValue] = [:]
        switch subscriberType {
        case .business: object["business_name"] = optional("business_name")
        case .residential:
            object["first_name"] = optional("first_name")
            object["last_name"] = optional("last_name")
        }
        for key in ["account_number", "btn", "new_btn", "requested_foc_date"] { object[key] = optional(key) }
        if !text("pin").isEmpty { object["pin"] = .string(text("pin")) }
        object[partialPortField] = .bool(form[partialPortField] != nil)
        func nested(_ prefix: String, _ keys: [String], extra: [String: JSONValue] = [:]) -> JSONValue {
            let present = keys.filter { !text(prefix + "." + $0).isEmpty }
            guard !present.isEmpty else { return .null }
            var inner = extra
            for key in present { inner[key] = .string(text(prefix + "." + key)) }
            return .object(inner)
        }
        object["authorized_person"] = nested("authorized_person", ["name", "title", "email"])
        object["service_address"] = nested("service_address", ["house_number", "street", "unit", "city", "state", "postal_code"],
                                           extra: ["country": .string(country)])
        return object
    }
}
