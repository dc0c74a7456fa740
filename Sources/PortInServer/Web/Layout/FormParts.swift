import PortInCore

/// Problems of a form, by the field they name (the API's field paths, which are also the form's
/// input names).
struct FormErrors: Sendable {
    var all: [FieldError]

    init(_ errors: [FieldError] = []) { all = errors }

    var isEmpty: Bool { all.isEmpty }

    func messages(_ field: String) -> [String] { all.filter { $0.field == field }.map(\.message) }

    /// Errors for fields the form has no input for (shown in the summary only).
    func unplaced(known: Set<String>) -> [FieldError] { all.filter { !known.contains($0.field) } }
}

/// Labelled inputs with their errors (and any carrier reasons) next to them.
enum FormParts {
    /// The hidden synchronizer token every page form carries.
    static func csrf(_ token: String) -> HTML {
        H.input(.type("hidden"), .name(WebSessionMiddleware.csrfField), .value(token))
    }

    /// A stable element id for a field path (`service_address.street` -> `f-service_address-street`).
    static func id(_ field: String) -> String {
        "f-" + String(field.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }

    /// A labelled text-like input. `extra` (carrier reasons) sits between the label and the input,
    /// and is announced with it.
    static func text(_ field: String, label: String, value: String?, type: String = "text", hint: String? = nil,
                     errors: [String] = [], required: Bool = false, autocomplete: String? = nil, extra: HTML? = nil) -> HTML {
        let id = id(field)
        var described: [String] = []
        if hint != nil { described.append(id + "-hint") }
        if extra != nil { described.append(id + "-reasons") }
        if !errors.isEmpty { described.append(id + "-error") }
        var attributes: [Attribute] = [.type(type), .id(id), .name(field), .value(value ?? "")]
        if required { attributes.append(.required) }
        if let autocomplete { attributes.append(Attribute("autocomplete", autocomplete)) }
        if !described.isEmpty { attributes.append(.aria(describedBy: described.joined(separator: " "))) }
        if !errors.isEmpty { attributes.append(Attribute("aria-invalid", "true")) }
        return H.div(.class(errors.isEmpty ? "field" : "field has-error")) {
            H.label(for: id) { label }
            if let hint { H.span(.class("hint"), .id(id + "-hint")) { hint } }
            if let extra { H.div(.id(id + "-reasons")) { extra } }
            for message in errors { H.p(.class("field-error"), .id(id + "-error")) { "Error: " + message } }
            H.input(attributes)
        }
    }

    /// A labelled select.
    static func select(_ field: String, id explicitId: String? = nil, label: String, options: [(value: String, label: String)],
                       selected: String?, errors: [String] = [], extra: HTML? = nil) -> HTML {
        let id = explicitId ?? id(field)
        var described: [String] = []
        if extra != nil { described.append(id + "-reasons") }
        if !errors.isEmpty { described.append(id + "-error") }
        return H.div(.class(errors.isEmpty ? "field" : "field has-error")) {
            H.label(for: id) { label }
            if let extra { H.div(.id(id + "-reasons")) { extra } }
            for message in errors { H.p(.class("field-error"), .id(id + "-error")) { "Error: " + message } }
            if described.isEmpty {
                H.select(.id(id), .name(field)) {
                    for option in options { H.option(value: option.value, selected: option.value == selected, option.label) }
                }
            } else {
                H.select(.id(id), .name(field), .aria(describedBy: described.joined(separator: " "))) {
                    for option in options { H.option(value: option.value, selected: option.value == selected, option.label) }
                }
            }
        }
    }

    /// The list of every problem at the top of a form, each linking to its field.
    static func summary(_ title: String, errors: [FieldError], labels: [String: String]) -> HTML {
        H.div(.class("notice bad"), Attribute("role", "alert"), Attribute("tabindex", "-1"), Attribute("data-error-summary", nil)) {
            H.h2 { title }
            H.ul {
                for error in errors {
                    H.li {
                        if labels[error.field] != nil {
                            H.a(href: "#" + id(error.field)) { (labels[error.field] ?? error.field) + ": " + error.message }
                        } else {
                            (labels[error.field] ?? error.field) + ": " + error.message
                        }
                    }
                }
            }
        }
    }
}
