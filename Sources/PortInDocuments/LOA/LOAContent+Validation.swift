import Foundation
import PortInCore

extension LOAContent {
    /// Placeholders every template may use, whatever the form.
    static let standardPlaceholders: [String] = [
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
    /// Problems with the template itself: an unknown `{placeholder}` would print literally.
    func problems(respOrgID: String?) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ValidationProblem(field: "title", code: "required", message: "The template needs a title"))
        }
        if paragraphs.isEmpty {
            problems.append(ValidationProblem(field: "paragraphs", code: "required", message: "The template needs at least one paragraph"))
        }
        var known = Set(LOAContent.standardPlaceholders + extraFields.map(\.key))
        if respOrgID != nil { known.insert("resporg_id") }
        for name in placeholders where !known.contains(name) {
            problems.append(ValidationProblem(field: "paragraphs", code: "unknown_placeholder",
                                              message: "{\(name)} is not a known placeholder (known: \(known.sorted().joined(separator: ", ")))"))
        }
        var keys = Set<String>()
        for (index, field) in extraFields.enumerated() {
            if field.key.isEmpty || !field.key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
                problems.append(ValidationProblem(field: "extra_fields[\(index)].key", code: "invalid_key",
                                                  message: "A field key is lower-case letters, digits and underscores"))
            } else if LOAContent.standardPlaceholders.contains(field.key) || !keys.insert(field.key).inserted {
                problems.append(ValidationProblem(field: "extra_fields[\(index)].key", code: "duplicate",
                                                  message: "\"\(field.key)\" is already a field"))
            }
        }
        return problems
    }
}
