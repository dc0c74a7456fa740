import PortInCore
import PortInDocuments
import PortInStore

extension OpsTemplatesPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "LOA templates" }
            H.p(.class("lede")) {
                "International requests use their country's template when one is stored here, and the built-in international "
                "template otherwise. US local and toll-free LOAs are built in."
            }
            if let notice { notice.html }
            storedSection
            formSection
            referenceSection
        }
    }

    private var storedSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "stored-heading")) {
            H.h2(.id("stored-heading")) { "Countries with their own template" }
            H.div(.class("table-wrap")) { H.table {
                H.caption { rows.isEmpty ? "None yet: every international request uses the built-in template." : "\(rows.count) stored" }
                H.thead {
                    H.tr {
                        H.th(Attribute("scope", "col")) { "Country" }
                        H.th(Attribute("scope", "col")) { "Template" }
                        H.th(Attribute("scope", "col")) { "Extra fields" }
                        H.th(Attribute("scope", "col")) { "Stored" }
                        H.th(Attribute("scope", "col")) { "Actions" }
                    }
                }
                H.tbody {
                    for row in rows {
                        H.tr(.id("template-" + row.record.country)) {
                            H.th(Attribute("scope", "row")) { row.record.country }
                            H.td {
                                if let template = row.template {
                                    template.title + " (" + template.id + ")"
                                } else {
                                    H.strong { "Unreadable: upload it again" }
                                }
                            }
                            H.td { row.template.map { $0.extraFields.isEmpty ? "none" : $0.extraFields.map(\.key).joined(separator: ", ") } ?? "?" }
                            H.td { PageFormat.dateTime(row.record.updatedAt) + " by " + row.record.updatedByEmail }
                            H.td {
                                H.a(href: Self.previewPath(row.record.country), Attribute("target", "_blank")) { "Preview (PDF)" }
                                " · "
                                H.a(href: Self.path + "?edit=" + PageFormat.pathSegment(row.record.country) + "#form-heading") { "Edit" }
                                H.form(action: Self.path + "/" + PageFormat.pathSegment(row.record.country) + "/remove", .class("inline")) {
                                    FormParts.csrf(chrome.csrfToken ?? "")
                                    H.button(.type("submit"), .class("secondary"),
                                             Attribute("aria-label", "Remove the \(row.record.country) template")) { "Remove" }
                                }
                            }
                        }
                    }
                    H.tr {
                        H.th(Attribute("scope", "row")) { "All others" }
                        H.td { LOATemplate.internationalDefault.title + " (built in)" }
                        H.td { "none" }
                        H.td { "—" }
                        H.td { H.a(href: Self.previewPath("default"), Attribute("target", "_blank")) { "Preview (PDF)" } }
                    }
                }
            } }
        }
    }

    private static let labels = [countryField: "Country", jsonField: "Template JSON", fileField: "Template file"]

    private var formSection: HTML {
        let jsonId = FormParts.id(Self.jsonField), fileId = FormParts.id(Self.fileField)
        let templateErrors = errors.all.filter { Self.labels[$0.field] == nil || $0.field == Self.jsonField }
        return H.section(.class("card"), Attribute("aria-labelledby", "form-heading")) {
            H.h2(.id("form-heading")) { "Upload or paste a country's template" }
            H.p { "It replaces the country's template for every LOA made from now on (signed LOAs never change). Nothing is stored while any problem remains." }
            H.form(action: Self.path, multipart: true, Attribute("novalidate", nil)) {
                FormParts.csrf(chrome.csrfToken ?? "")
                if !errors.isEmpty {
                    FormParts.summary("\(errors.all.count) problem\(errors.all.count == 1 ? "" : "s"): nothing was stored", errors: errors.all,
                                      labels: Self.labels)
                }
                FormParts.text(Self.countryField, label: "Country (ISO 3166 two-letter code, e.g. GB)", value: values[Self.countryField],
                               errors: errors.messages(Self.countryField), required: true, autocomplete: "off")
                H.div(.class(errors.messages(Self.fileField).isEmpty ? "field" : "field has-error")) {
                    H.label(for: fileId) { "Template file (.json)" }
                    for message in errors.messages(Self.fileField) { H.p(.class("field-error"), .id(fileId + "-error")) { "Error: " + message } }
                    H.input(.type("file"), .id(fileId), .name(Self.fileField), Attribute("accept", ".json,application/json"))
                }
                H.div(.class(templateErrors.isEmpty ? "field" : "field has-error")) {
                    H.label(for: jsonId) { "Or paste the template JSON" }
                    H.span(.class("hint"), .id(jsonId + "-hint")) { "Problems are listed by their place in the JSON, e.g. extra_fields[0].key." }
                    for error in templateErrors {
                        H.p(.class("field-error")) { "Error: " + (error.field == Self.jsonField ? "" : error.field + ": ") + error.message }
                    }
                    H.textarea(.id(jsonId), .name(Self.jsonField), .class("code"), Attribute("rows", "18"), Attribute("spellcheck", "false"),
                               .aria(describedBy: jsonId + "-hint"), text: values[Self.jsonField] ?? "")
                }
                H.button(.type("submit"), .class("primary")) { "Check and store" }
            }
        }
    }

    private var referenceSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "format-heading")) {
            H.h2(.id("format-heading")) { "Format" }
            H.p {
                "A JSON object: id, title, paragraphs (a list), numbers_heading, signature_statement, optional extra_fields "
                "(each key, label, required) and field_labels (new labels for standard fields). Text may use these placeholders: "
            }
            H.p { H.code { (LOAContent.standardPlaceholders.map { "{\($0)}" } + ["{your extra field keys}"]).joined(separator: " ") } }
            H.p {
                "Customers fill in the extra fields in the wizard's LOA step (API: loa_fields); required ones must be filled before "
                "the LOA can be previewed or signed. See docs/documents.md and docs/loa-templates/GB.json."
            }
        }
    }
}
