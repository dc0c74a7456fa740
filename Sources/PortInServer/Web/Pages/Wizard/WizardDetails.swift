import PortInCore
import PortInStore

/// The wizard's details step: the request page's inputs (same field paths, so the API's problems
/// and the CSR pre-check land next to them) plus the subscriber type and notification emails.
enum WizardDetails {
    static let subscriberTypeField = "subscriber_type"
    static let emailsField = "notification_emails"

    static var labels: [String: String] {
        var labels = RequestPage.fieldLabels
        labels[subscriberTypeField] = "Subscriber type"
        labels[emailsField] = "Notification emails"
        labels["numbers"] = "Numbers"
        for index in 0..<20 { labels["\(emailsField)[\(index)]"] = "Notification email \(index + 1)" }
        return labels
    }

    /// The inputs the details form has (problems for others go to the summary only).
    static var known: Set<String> {
        Set(RequestPage.allFields.map(\.path) + [subscriberTypeField, emailsField])
    }

    static func subscriberType(_ form: [String: String]) -> SubscriberType {
        SubscriberType(rawValue: form[subscriberTypeField] ?? "") ?? .business
    }

    /// The form as the JSON object create and PATCH take (`RequestPage.patchObject`, plus the type
    /// and the emails, comma- or space-separated).
    static func object(_ form: [String: String]) -> [String: JSONValue] {
        let type = subscriberType(form)
        var object = RequestPage.patchObject(form, subscriberType: type, country: "US")
        object[subscriberTypeField] = .string(type.rawValue)
        let emails = (form[emailsField] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        object[emailsField] = .array(emails.map(JSONValue.string))
        return object
    }

    /// The form's values of a stored request (never the PIN).
    static func values(of request: StoredPortRequest) -> [String: String] {
        var values = RequestPage.values(of: request)
        values[subscriberTypeField] = request.draft.subscriberType.rawValue
        values[emailsField] = request.draft.notificationEmails.joined(separator: ", ")
        return values
    }

    /// Problems of a field path that repeats (`notification_emails[2]`) shown at the input.
    static func placed(_ field: String) -> String {
        field.hasPrefix(emailsField + "[") ? emailsField : field
    }

    /// The details inputs with their problems (and notes such as the CSR record) next to them.
    static func fields(values: [String: String], errors: FormErrors, pinHint: String?) -> HTML {
        func messages(_ path: String) -> [String] {
            errors.all.filter { placed($0.field) == path }.map(\.message)
        }
        func input(_ field: CorrectionField) -> HTML {
            let hint = field.path == "pin" ? (pinHint ?? "Only if the current carrier asks for one.") : field.hint
            return FormParts.text(field.path, label: field.label, value: field.path == "pin" ? nil : values[field.path], type: field.type,
                                  hint: hint, errors: messages(field.path), autocomplete: field.autocomplete)
        }
        return .concat([
            H.fieldset {
                H.legend { "Subscriber (as on the current carrier's bill)" }
                FormParts.select(subscriberTypeField, label: "Subscriber type", options: [("business", "Business"), ("residential", "Residential")],
                                 selected: values[subscriberTypeField] ?? "business", errors: messages(subscriberTypeField))
                for field in RequestPage.subscriberFields { input(field) }
            },
            H.fieldset {
                H.legend { "Service address" }
                for field in RequestPage.addressFields { input(field) }
            },
            H.fieldset {
                H.legend { "Account with the current carrier" }
                for field in RequestPage.accountFields where field.path != "new_btn" { input(field) }
            },
            H.fieldset {
                H.legend { "Authorized person (signs the LOA)" }
                for field in RequestPage.authorizedFields { input(field) }
            },
            FormParts.text(emailsField, label: "Notification emails", value: values[emailsField],
                           hint: "Optional. Who else hears about progress; separate addresses with commas.",
                           errors: messages(emailsField), autocomplete: "off"),
        ])
    }
}
