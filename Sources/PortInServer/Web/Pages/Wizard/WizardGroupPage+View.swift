import PortInCore
import PortInStore

extension WizardGroupPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Port numbers" }
            H.ol(.class("wizard-steps")) {
                H.li(.class("done")) { "1. Numbers" }
                H.li { H.a(href: "#details-heading") { "2. Details" } }
                H.li { H.a(href: "#loa-heading") { "3. Letter of authorization" } }
                H.li { H.a(href: "#invoice-heading") { "4. Invoice" } }
                H.li { H.a(href: "#review-heading") { "5. Review and submit" } }
            }
            if let notice { notice.html }
            H.p(.class("lede")) {
                "\(drafts.count) draft request\(drafts.count == 1 ? "" : "s") (one per losing carrier and number type). "
                "They are saved: you can leave and come back to this page."
            }
            detailsSection
            loaSection
            invoiceSection
            reviewSection
        }
    }

    private var detailsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "details-heading")) {
            H.h2(.id("details-heading")) { "2. Subscriber and service address" }
            if detailErrors.isEmpty {
                H.p(.class("ok-text")) { "The details match the current carrier's records as far as it shares them." }
            } else {
                FormParts.summary("\(detailErrors.all.count) thing\(detailErrors.all.count == 1 ? "" : "s") to check before submitting",
                                  errors: detailErrors.all, labels: WizardDetails.labels.filter { WizardDetails.known.contains($0.key) })
            }
            if anyEditable {
                H.form(action: path + "/details", Attribute("novalidate", nil)) {
                    FormParts.csrf(chrome.csrfToken ?? "")
                    WizardDetails.fields(values: values, errors: detailErrors, pinHint: "Leave blank to keep the one on file.")
                    H.button(.type("submit"), .class("primary")) { "Save and check again" }
                }
            }
        }
    }

    private func heading(_ draft: Draft) -> String {
        let count = draft.request.numbers.count
        let carrier = draft.request.losingCarrier?.name ?? "?"
        return "Request \(draft.request.pon): \(carrier), \(WizardStartPage.typeName(draft.request.numberType)), \(count) number\(count == 1 ? "" : "s")"
    }

    private var loaSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "loa-heading")) {
            H.h2(.id("loa-heading")) { "3. Letter of authorization" }
            H.p { "Each request has its own LOA, pre-filled from the details. The authorized person signs it here or from a link we email them." }
            for (index, draft) in drafts.enumerated() {
                H.div(.class("draft-block"), .id("loa-\(index)")) {
                    H.h3 { heading(draft) }
                    if let signed = draft.signed {
                        H.p(.class("ok-text")) {
                            "Signed by " + signed.signerName + " on " + PageFormat.date(signed.signedAt)
                                + (signed.via == "link" ? " (through the emailed link)." : " (in the browser).")
                        }
                        H.p {
                            H.a(href: "/app/requests/" + PageFormat.pathSegment(draft.request.id) + "/documents/"
                                + PageFormat.pathSegment(signed.documentId)) { "Open the signed LOA (PDF)" }
                        }
                    } else if draft.editable {
                        if !draft.loaFields.isEmpty { loaFieldsForm(draft) }
                        H.p {
                            H.a(href: requestPath(draft) + "/loa", .class("button secondary"), Attribute("target", "_blank")) { "Preview LOA (PDF)" }
                            " "
                            H.a(href: requestPath(draft) + "/sign", .class("button")) { "Sign in the browser" }
                        }
                        if let link = draft.link, link.usedAt == nil {
                            H.p { "A signing link was sent to " + link.email + " on " + PageFormat.date(link.createdAt)
                                + "; it works until " + PageFormat.dateTime(link.expiresAt) + "." }
                        }
                        for message in signErrors[draft.request.id]?.all.filter({ !$0.field.hasPrefix("loa_fields.") }).map(\.message) ?? [] {
                            H.p(.class("field-error")) { "Error: " + message }
                        }
                        H.form(action: requestPath(draft) + "/signing-link", .class("inline")) {
                            FormParts.csrf(chrome.csrfToken ?? "")
                            H.button(.type("submit"), .class("secondary")) {
                                (draft.link == nil ? "Email a signing link to " : "Email a new signing link to ")
                                    + (draft.request.draft.authorizedPerson?.email ?? "the authorized person")
                            }
                        }
                    } else {
                        H.p { "The request is " + PageFormat.status(draft.request.status).lowercased() + "." }
                    }
                }
            }
        }
    }

    /// The country template's extra fields, one labelled input each (saved as the request's `loa_fields`).
    private func loaFieldsForm(_ draft: Draft) -> HTML {
        let id = draft.request.id
        // Problems of these inputs from saving them, or from making the LOA (preview, link, signing).
        let errors = FormErrors((loaFieldErrors[id]?.all ?? []) + (signErrors[id]?.all ?? []).filter { $0.field.hasPrefix("loa_fields.") })
        let values = loaFieldValues[id] ?? Dictionary(uniqueKeysWithValues: draft.request.draft.loaFields.map { ("loa_fields." + $0.key, $0.value) })
        return H.form(action: requestPath(draft) + "/loa-fields", Attribute("novalidate", nil), .class("loa-fields")) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.fieldset {
                H.legend { "Details this country's LOA asks for (\(draft.request.draft.country))" }
                for field in draft.loaFields {
                    let name = "loa_fields." + field.key
                    FormParts.text(name, label: field.label + (field.required ? " (required)" : " (optional)"), value: values[name],
                                   errors: errors.messages(name), required: field.required, autocomplete: "off")
                }
            }
            H.button(.type("submit"), .class("secondary")) { "Save the LOA details" }
        }
    }

    private var invoiceSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "invoice-heading")) {
            H.h2(.id("invoice-heading")) { "4. Invoice" }
            H.p { "A recent bill from the current carrier proves the account is yours. Give the date printed on it." }
            for (index, draft) in drafts.enumerated() {
                H.div(.class("draft-block")) {
                    H.h3 { heading(draft) }
                    if let invoice = draft.invoice {
                        H.p(.class("ok-text")) {
                            "Invoice dated " + (invoice.invoiceDate?.description ?? "?") + " uploaded (" + (invoice.fileName ?? "file") + ")."
                        }
                    }
                    if draft.editable { invoiceForm(draft, index: index) }
                }
            }
        }
    }

    private func invoiceForm(_ draft: Draft, index: Int) -> HTML {
        let errors = invoiceErrors[draft.request.id] ?? FormErrors()
        let dateId = "inv-\(index)-date", fileId = "inv-\(index)-file"
        return H.form(action: requestPath(draft) + "/invoice", multipart: true, Attribute("novalidate", nil)) {
            FormParts.csrf(chrome.csrfToken ?? "")
            if !errors.isEmpty {
                FormParts.summary("The invoice was not stored", errors: errors.all, labels: [:])
            }
            H.div(.class(errors.messages("invoice_date").isEmpty ? "field" : "field has-error")) {
                H.label(for: dateId) { "Invoice date" }
                for message in errors.messages("invoice_date") { H.p(.class("field-error"), .id(dateId + "-error")) { "Error: " + message } }
                H.input(.type("date"), .id(dateId), .name("invoice_date"), .value(invoiceValues[draft.request.id] ?? ""))
            }
            H.div(.class(errors.messages("file").isEmpty ? "field" : "field has-error")) {
                H.label(for: fileId) { "Invoice file (PDF, PNG, JPEG or TIFF)" }
                for message in errors.messages("file") { H.p(.class("field-error"), .id(fileId + "-error")) { "Error: " + message } }
                H.input(.type("file"), .id(fileId), .name("file"), Attribute("accept", ".pdf,.png,.jpg,.jpeg,.tif,.tiff"))
            }
            H.button(.type("submit"), .class("secondary")) { draft.invoice == nil ? "Upload the invoice" : "Upload a newer invoice" }
        }
    }

    private func subscriber(_ draft: Draft) -> String {
        let content = draft.request.draft
        if let business = content.businessName { return business }
        return [content.firstName, content.lastName].compactMap { $0 }.joined(separator: " ")
    }

    private var reviewSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "review-heading")) {
            H.h2(.id("review-heading")) { "5. Review and submit" }
            H.ul(.class("review")) {
                for draft in drafts {
                    H.li {
                        H.strong { heading(draft) }
                        H.span(.class("badge " + draft.request.status.rawValue)) { PageFormat.status(draft.request.status) }
                        H.ul {
                            H.li { "Subscriber: " + subscriber(draft) }
                            H.li { "LOA: " + (draft.signed.map { "signed by " + $0.signerName } ?? "not signed yet") }
                            H.li { "Invoice: " + (draft.invoice.map { "dated " + ($0.invoiceDate?.description ?? "?") } ?? "not uploaded yet") }
                            H.li { H.a(href: "/app/requests/" + PageFormat.pathSegment(draft.request.id)) { "Open the request page" } }
                        }
                        if let errors = submitErrors[draft.request.id], !errors.isEmpty {
                            H.div(.class("notice bad"), Attribute("role", "alert")) {
                                H.p { H.strong { "Not submitted: \(errors.all.count) problem\(errors.all.count == 1 ? "" : "s")" } }
                                H.ul {
                                    for error in errors.all {
                                        H.li { (WizardDetails.labels[WizardDetails.placed(error.field)] ?? error.field) + ": " + error.message }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if anyEditable {
                H.form(action: path + "/submit") {
                    FormParts.csrf(chrome.csrfToken ?? "")
                    H.button(.type("submit"), .class("primary")) {
                        drafts.filter(\.editable).count == 1 ? "Submit the request" : "Submit all \(drafts.filter(\.editable).count) requests"
                    }
                }
            } else {
                H.p { "Nothing left to submit." }
            }
        }
    }
}
