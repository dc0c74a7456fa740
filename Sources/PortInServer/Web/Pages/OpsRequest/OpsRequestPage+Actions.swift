import PortInCore
import PortInStore

/// The action forms: request documents, reject with catalog codes, move with a reason, cancel. Each
/// offers only what the rules allow from the current status and shows all its problems at once.
extension OpsRequestPage {
    /// Rows of the rejection form (each an optional catalog code with its field and note).
    static let rejectRows = 3

    static let actionLabels: [String: String] = {
        var labels: [String: String] = [
            "documents": "Documents", "documents_message": "Message to the customer", "reasons": "Reasons",
            "reject_message": "Message to the customer", "move_to": "Move to", "move_reason": "Reason", "foc_date": "Port date",
            "cancel_reason": "Reason", "body": "Text",
        ]
        for kind in DocumentKind.allCases {
            labels["documents.\(kind.rawValue).code"] = PageFormat.documentKind(kind) + ": reason"
            labels["documents.\(kind.rawValue).note"] = PageFormat.documentKind(kind) + ": note"
        }
        for row in 0..<rejectRows {
            labels["reasons.\(row).code"] = "Reason \(row + 1): code"
            labels["reasons.\(row).field"] = "Reason \(row + 1): field"
            labels["reasons.\(row).note"] = "Reason \(row + 1): note"
        }
        return labels
    }()

    var actionsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "actions-heading")) {
            H.h2(.id("actions-heading")) { "Actions" }
            if canReject {
                documentsForm
                rejectForm
            } else {
                H.p(.class("muted")) { "Documents can be asked for and the request rejected only while it can move to action required." }
            }
            if !moveTargets.isEmpty { moveForm }
            if let cancelTarget { cancelForm(cancelTarget) }
        }
    }

    private func summary(_ state: FormState, _ title: String) -> HTML? {
        guard !state.errors.isEmpty else { return nil }
        let count = state.errors.all.count
        return FormParts.summary(title + ": \(count) problem\(count == 1 ? "" : "s")", errors: state.errors.all, labels: Self.actionLabels)
    }

    private var documentsForm: HTML {
        let state = form("documents")
        return H.form(action: path + "/document-requests", .class("action-form"), Attribute("novalidate", nil)) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.h3(.id("documents-form-heading")) { "Request documents" }
            if let list = summary(state, "Nothing was asked") { list }
            for message in state.errors.messages("documents") { H.p(.class("field-error")) { "Error: " + message } }
            for kind in DocumentKind.allCases {
                let key = "documents.\(kind.rawValue)"
                let checkId = FormParts.id(key)
                let check: [Attribute] = [.type("checkbox"), .id(checkId), .name(key), .value("on")] + (state.values[key] != nil ? [.checked] : [])
                H.fieldset {
                    H.legend { PageFormat.documentKind(kind) }
                    H.div(.class("check")) {
                        H.input(check)
                        H.label(for: checkId) { "Ask for this document" }
                    }
                    FormParts.select(key + ".code", label: "Catalog reason",
                                     options: DocumentRequestItem.codes(for: kind).map { (value: $0.rawValue, label: RejectionCatalog.entry(for: $0).title) },
                                     selected: state.values[key + ".code"], errors: state.errors.messages(key + ".code"))
                    FormParts.text(key + ".note", label: "Note for the customer (optional)", value: state.values[key + ".note"],
                                   errors: state.errors.messages(key + ".note"))
                }
            }
            FormParts.text("documents_message", label: "Message to the customer", value: state.values["documents_message"],
                           errors: state.errors.messages("documents_message"))
            H.div(.class("actions")) { H.button(.type("submit")) { "Ask for the documents" } }
        }
    }

    private var rejectForm: HTML {
        let state = form("reject")
        let codes: [(value: String, label: String)] = [(value: "", label: "(none)")]
            + RejectionCatalog.all.map { (value: $0.code.rawValue, label: $0.title + " (" + $0.code.rawValue + ")") }
        return H.form(action: path + "/rejections", .class("action-form"), Attribute("novalidate", nil)) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.h3 { "Reject with catalog codes" }
            H.p(.class("hint")) { "Each reason is shown to the customer next to its field (the catalog's, unless you name one) with how to fix it." }
            if let list = summary(state, "Not rejected") { list }
            for message in state.errors.messages("reasons") { H.p(.class("field-error")) { "Error: " + message } }
            for row in 0..<Self.rejectRows {
                let key = "reasons.\(row)"
                H.fieldset {
                    H.legend { "Reason \(row + 1)" + (row == 0 ? "" : " (optional)") }
                    FormParts.select(key + ".code", label: "Code", options: codes,
                                     selected: state.values[key + ".code"], errors: state.errors.messages(key + ".code"))
                    FormParts.text(key + ".field", label: "Field (optional)", value: state.values[key + ".field"],
                                   hint: "e.g. service_address.postal_code", errors: state.errors.messages(key + ".field"))
                    FormParts.text(key + ".note", label: "Note (optional)", value: state.values[key + ".note"],
                                   errors: state.errors.messages(key + ".note"))
                }
            }
            FormParts.text("reject_message", label: "Message to the customer", value: state.values["reject_message"],
                           errors: state.errors.messages("reject_message"))
            H.div(.class("actions")) { H.button(.type("submit"), .class("danger")) { "Reject: action required" } }
        }
    }

    private var moveForm: HTML {
        let state = form("move")
        return H.form(action: path + "/transitions", .class("action-form"), Attribute("novalidate", nil)) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.h3 { "Move with a reason" }
            if let list = summary(state, "Not moved") { list }
            FormParts.select("move_to", label: "Move to", options: moveTargets.map { (value: $0.rawValue, label: PageFormat.status($0) + " (" + $0.rawValue + ")") },
                             selected: state.values["move_to"], errors: state.errors.messages("move_to"))
            FormParts.text("foc_date", label: "Port date (only for a move to port date confirmed)", value: state.values["foc_date"], type: "date",
                           errors: state.errors.messages("foc_date"))
            FormParts.text("move_reason", label: "Reason", value: state.values["move_reason"], errors: state.errors.messages("move_reason"))
            H.div(.class("actions")) { H.button(.type("submit"), .class("secondary")) { "Move" } }
        }
    }

    private func cancelForm(_ target: PortStatus) -> HTML {
        let state = form("cancel")
        return H.form(action: path + "/cancel", .class("action-form"), Attribute("novalidate", nil),
                      Attribute("data-confirm", "Cancel this port request?")) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.h3 { "Cancel" }
            H.p(.class("hint")) {
                target == .cancelled ? "Nothing is live at the carrier: the request closes at once."
                    : "The carrier holds the order: a cancel is sent and the request closes when it confirms."
            }
            if let list = summary(state, "Not cancelled") { list }
            FormParts.text("cancel_reason", label: "Reason", value: state.values["cancel_reason"], errors: state.errors.messages("cancel_reason"))
            H.div(.class("actions")) { H.button(.type("submit"), .class("danger")) { "Cancel this request" } }
        }
    }
}
