import Foundation
import PortInCore

extension LOAContent {
    /// Placeholders every template may use, whatever the form.
    public static let standardPlaceholders: [String] = [
        "subscriber_name", "service_address", "authorized_name", "authorized_title", "authorized_email",
        "current_carrier", "account_number", "btn", "new_provider", "request_id", "pon", "date", "number_count",
    ]

    /// Every problem that stops this content from making a truthful LOA on this form, all at once.
    func problems(for form: LOAForm) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func required(_ value: String?, _ field: String, _ what: String) {
            if (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(ValidationProblem(field: field, code: "required", message: "\(what) is required on the LOA"))
            }
        }
        required(requestID, "request_id", "The request id")
        required(subscriberName, "subscriber_name", "The subscriber (billing) name")
        required(authorizedPerson.name, "authorized_person.name", "The authorized person's name")
        required(currentCarrier, "current_carrier", "The current carrier")
        required(newProvider, "new_provider", "The new provider's name")
        required(serviceAddress.houseNumber, "service_address.house_number", "The house number")
        required(serviceAddress.street, "service_address.street", "The street")
        required(serviceAddress.city, "service_address.city", "The city")
        required(serviceAddress.state, "service_address.state", "The state or region")
        required(serviceAddress.postalCode, "service_address.postal_code", "The postal code")
        if numbers.isEmpty {
            problems.append(ValidationProblem(field: "numbers", code: "required", message: "An LOA must list at least one number"))
        }
        var seen = Set<PhoneNumber>()
        for (index, number) in numbers.enumerated() {
            if !seen.insert(number).inserted {
                problems.append(ValidationProblem(field: "numbers[\(index)]", code: "duplicate",
                                                  message: "\(number.e164) is listed more than once; list each number once"))
            }
            switch form {
            case .usLocal where !number.isNANP || number.type == .tollFree:
                problems.append(ValidationProblem(field: "numbers[\(index)]", code: "wrong_form",
                                                  message: "\(number.e164) is not a US/NANP local number; use the toll-free or international LOA"))
            case .tollFree where number.type != .tollFree:
                problems.append(ValidationProblem(field: "numbers[\(index)]", code: "wrong_form",
                                                  message: "\(number.e164) is not a toll-free number; only toll-free numbers belong on a RespOrg change LOA"))
            default:
                break
            }
        }
        if let id = form.respOrgID, !RespOrg.isValid(id) {
            problems.append(ValidationProblem(field: "resporg_id", code: "invalid_resporg_id",
                                              message: "A RespOrg id is 5 capital letters or digits, e.g. \"PTN01\""))
        }
        for field in form.template.extraFields where field.required {
            required(extraFields[field.key], "extra_fields.\(field.key)", field.label)
        }
        return problems
    }
}

extension LOATemplate {
    /// The most extra fields a template may ask for, and the longest text it may hold: a template
    /// is typed by ops and printed on every LOA of its country.
    public static let maxExtraFields = 20
    public static let maxTextLength = 2000

    /// Every problem with the template itself, all at once, each naming its JSON field: an unknown
    /// `{placeholder}` would print literally, a bad key could never be filled in.
    public func problems(respOrgID: String?) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ code: String, _ message: String) {
            problems.append(ValidationProblem(field: field, code: code, message: message))
        }
        if id.trimmingCharacters(in: .whitespaces).isEmpty { add("id", "required", "The template needs an id (e.g. \"gb\")") }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { add("title", "required", "The template needs a title") }
        if paragraphs.isEmpty { add("paragraphs", "required", "The template needs at least one paragraph") }
        if numbersHeading.trimmingCharacters(in: .whitespaces).isEmpty {
            add("numbers_heading", "required", "The template needs a heading above the numbers")
        }
        if signatureStatement.trimmingCharacters(in: .whitespaces).isEmpty {
            add("signature_statement", "required", "The template needs the text above the signature")
        }
        var known = Set(LOAContent.standardPlaceholders + extraFields.map(\.key))
        if respOrgID != nil { known.insert("resporg_id") }
        let texts = [("title", title), ("numbers_heading", numbersHeading), ("signature_statement", signatureStatement)]
            + paragraphs.enumerated().map { ("paragraphs[\($0.offset)]", $0.element) }
        for (field, text) in texts {
            if text.count > Self.maxTextLength {
                add(field, "too_long", "At most \(Self.maxTextLength) characters; this has \(text.count)")
            }
            var reported = Set<String>()
            for name in LOATemplate.placeholders(in: text) where !known.contains(name) && reported.insert(name).inserted {
                add(field, "unknown_placeholder", "{\(name)} is not a known placeholder (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        if extraFields.count > Self.maxExtraFields {
            add("extra_fields", "too_many", "At most \(Self.maxExtraFields) extra fields; this has \(extraFields.count)")
        }
        var keys = Set<String>()
        for (index, field) in extraFields.enumerated() {
            if !Self.isFieldKey(field.key) {
                add("extra_fields[\(index)].key", "invalid_key", "A field key is 1 to 40 lower-case letters, digits and underscores, starting with a letter")
            } else if LOAContent.standardPlaceholders.contains(field.key) || field.key == "resporg_id" || !keys.insert(field.key).inserted {
                add("extra_fields[\(index)].key", "duplicate", "\"\(field.key)\" is already a field")
            }
            let label = field.label.trimmingCharacters(in: .whitespaces)
            if label.isEmpty {
                add("extra_fields[\(index)].label", "required", "Each extra field needs a label (it is printed and shown to the customer)")
            } else if label.count > 200 {
                add("extra_fields[\(index)].label", "too_long", "A label is at most 200 characters")
            }
        }
        for key in fieldLabels.keys.sorted() where !LOAContent.standardPlaceholders.contains(key) {
            add("field_labels.\(key)", "unknown_field",
                "\"\(key)\" is not a standard field; field_labels may rename: \(LOAContent.standardPlaceholders.joined(separator: ", "))")
        }
        return problems
    }

    /// Lower-case letters, digits and underscores, starting with a letter, at most 40 characters:
    /// safe as a form input name and a JSON key.
    public static func isFieldKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first), key.count <= 40 else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
