import PortInCore
import PortInStore

extension RequestPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.p { H.a(href: "/app") { "← All requests" } }
            H.h1 { "Port request " + request.pon }
            H.p(.class("lede")) {
                H.span(.class("badge " + request.status.rawValue)) { PageFormat.status(request.status) }
                " " + DashboardPage.nextAction(request)
            }
            if let notice { notice.html }
            H.h2(.id("progress-heading"), .class("visually-hidden")) { "Progress" }
            H.ol(.class("tracker"), Attribute("aria-labelledby", "progress-heading")) {
                for step in steps { stepView(step) }
            }
            if request.status == .actionRequired { actionRequiredIntro }
            H.div(.class("two-col")) {
                H.div {
                    if canCorrect { correctionForm }
                    numbersSection
                    documentsSection
                    commentsSection
                }
                H.div {
                    factsSection
                    timelineSection
                    if canCancel { cancelSection }
                }
            }
        }
    }

    private func stepView(_ step: Step) -> HTML {
        let label: String = switch step.state {
        case .done: "done"
        case .current: "current step"
        case .attention: "needs your action"
        case .upcoming: "not yet"
        }
        let classes = step.state == .attention ? "current attention" : step.state.rawValue
        let body = H.div {
            H.span(.class("step-name")) { step.name }
            H.span(.class("visually-hidden")) { " (" + label + ")" }
            if let date = step.date {
                H.span(.class("step-date")) { H.time(PageFormat.machine(date)) { PageFormat.date(date) } }
            } else if step.state == .attention {
                H.span(.class("step-date")) { "Action required" }
            }
        }
        if step.state == .current || step.state == .attention {
            return H.li(.class(classes), Attribute("aria-current", "step")) { body }
        }
        return H.li(.class(classes)) { body }
    }

    private var actionRequiredIntro: HTML {
        H.section(.class("notice warn"), Attribute("aria-labelledby", "action-heading")) {
            H.h2(.id("action-heading")) { "Action required" }
            H.p {
                let count = reasons.count
                if count == 0 {
                    "The request needs a correction before it can go back to the carrier."
                } else {
                    "The losing carrier found \(count) problem\(count == 1 ? "" : "s"). Each is shown next to the field it concerns, "
                    "with how to fix it. Correct them below, then resubmit."
                }
            }
            for reason in reasons(at: "general") { reasonView(reason) }
        }
    }

    func reasonView(_ reason: Reason) -> HTML {
        H.div(.class("reason"), Attribute("role", "note")) {
            H.strong { reason.title }
            H.p { reason.explanation }
            if let message = reason.carrierMessage { H.p { "The carrier said: " + message } }
            if let number = reason.number { H.p { "Number: " + PageFormat.phone(number) } }
            H.p { H.strong { "How to fix:" }; " " + reason.fixHint }
        }
    }

    private func reasonsHTML(_ place: String) -> HTML? {
        let here = reasons(at: place)
        guard !here.isEmpty else { return nil }
        return .concat(here.map(reasonView))
    }

    private func input(_ field: CorrectionField) -> HTML {
        FormParts.text(field.path, label: field.label, value: field.path == "pin" ? nil : values[field.path], type: field.type,
                       hint: field.path == "pin" && request.pinProvided ? "A PIN is on file. Leave blank to keep it." : field.hint,
                       errors: formErrors.messages(field.path), autocomplete: field.autocomplete, extra: reasonsHTML(field.path))
    }

    private var correctionForm: HTML {
        let resubmitting = request.status == .actionRequired
        let known = Set(formFields.map(\.path) + [Self.partialPortField])
        return H.section(.class("card"), Attribute("aria-labelledby", "fix-heading")) {
            H.h2(.id("fix-heading")) { resubmitting ? "Fix and resubmit" : "Complete and submit" }
            if !formErrors.isEmpty {
                FormParts.summary(formErrorsTitle ?? "Nothing was saved: \(formErrors.all.count) problem\(formErrors.all.count == 1 ? "" : "s") to fix",
                                  errors: formErrors.all, labels: Self.fieldLabels.filter { known.contains($0.key) })
            }
            H.form(action: path + "/fields", Attribute("novalidate", nil)) {
                FormParts.csrf(chrome.csrfToken ?? "")
                H.fieldset {
                    H.legend { request.draft.subscriberType == .business ? "Business" : "Account holder" }
                    for field in formFields where Self.subscriberFields.contains(where: { $0.path == field.path }) { input(field) }
                }
                H.fieldset {
                    H.legend { "Authorized person" }
                    for field in Self.authorizedFields { input(field) }
                }
                H.fieldset {
                    H.legend { "Service address (where the lines are installed)" }
                    H.div(.class("grid-2")) {
                        for field in Self.addressFields { input(field) }
                    }
                }
                H.fieldset {
                    H.legend { "Account with the current carrier" }
                    for field in Self.accountFields { input(field) }
                    partialPortCheckbox
                }
                H.div(.class("actions")) {
                    H.button(.type("submit"), .name("intent"), .value("resubmit")) { resubmitting ? "Save and resubmit" : "Save and submit" }
                    H.button(.type("submit"), .name("intent"), .value("save"), .class("secondary")) { "Save changes" }
                }
            }
        }
    }

    private var partialPortCheckbox: HTML {
        let id = FormParts.id(Self.partialPortField)
        let errors = formErrors.messages(Self.partialPortField)
        var attributes: [Attribute] = [.type("checkbox"), .id(id), .name(Self.partialPortField), .value("on")]
        if values[Self.partialPortField] != nil { attributes.append(.checked) }
        return H.div {
            if let reasons = reasonsHTML(Self.partialPortField) { reasons }
            for message in errors { H.p(.class("field-error")) { "Error: " + message } }
            H.div(.class("check")) {
                H.input(attributes)
                H.label(for: id) { "Some numbers on the account stay with the current carrier (partial port)" }
            }
        }
    }

    private var numbersSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "numbers-heading")) {
            H.h2(.id("numbers-heading")) { "Numbers (\(request.numbers.count))" }
            if let reasons = reasonsHTML("numbers") { reasons }
            for message in formErrors.all.filter({ $0.field.hasPrefix("numbers") }).map(\.message) {
                H.p(.class("field-error")) { "Error: " + message }
            }
            NumberStatusTable.html(request.numbers)
        }
    }

    private var documentsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "documents-heading")) {
            H.h2(.id("documents-heading")) { "Documents" }
            if let reasons = reasonsHTML("documents") { reasons }
            for error in formErrors.all where error.field.hasPrefix("documents") {
                H.p(.class("field-error")) { "Error: " + (Self.fieldLabels[error.field] ?? error.field) + ": " + error.message }
            }
            if documents.isEmpty {
                H.p(.class("muted")) { "No documents yet. A port needs the signed LOA and a recent invoice." }
            } else {
                H.ul {
                    for document in documents {
                        H.li {
                            H.a(href: path + "/documents/" + PageFormat.pathSegment(document.id)) {
                                PageFormat.documentKind(document.kind) + (document.fileName.map { ": " + $0 } ?? "")
                            }
                            " (" + Self.details(of: document) + ")"
                        }
                    }
                }
            }
            if takesDocuments { uploadForm }
            if canCorrect {
                H.form(action: path + "/submit") {
                    FormParts.csrf(chrome.csrfToken ?? "")
                    H.div(.class("actions")) {
                        H.button(.type("submit"), .class("secondary")) {
                            request.status == .actionRequired ? "Resubmit without other changes" : "Submit"
                        }
                    }
                }
            }
        }
    }

    /// Size, date and the facts validation reads (invoice date, signer).
    static func details(of document: Document) -> String {
        var parts = [PageFormat.bytes(document.size), "added " + PageFormat.date(document.createdAt)]
        if let date = document.invoiceDate { parts.append("invoice dated \(date)") }
        if let signer = document.signedBy { parts.append("signed by " + signer) }
        if let date = document.signedOn { parts.append("signed on \(date)") }
        return parts.joined(separator: ", ")
    }

    private var uploadForm: HTML {
        H.form(action: path + "/documents", multipart: true) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.h3 { "Upload a document" }
            if !uploadErrors.isEmpty {
                FormParts.summary("The document was not stored", errors: uploadErrors.all, labels: Self.fieldLabels)
            }
            FormParts.select("kind", label: "Document type",
                             options: [("invoice", "Invoice"), ("loa", "Letter of authorization (signed)"), ("csr", "Customer service record"),
                                       ("other", "Other")],
                             selected: uploadValues["kind"] ?? "invoice", errors: uploadErrors.messages("kind"))
            FormParts.text("invoice_date", label: "Invoice date", value: uploadValues["invoice_date"], type: "date",
                           hint: "For an invoice: the date printed on it (YYYY-MM-DD).", errors: uploadErrors.messages("invoice_date"))
            FormParts.text("signed_by", label: "Signed by", value: uploadValues["signed_by"],
                           hint: "For an LOA: who signed it.", errors: uploadErrors.messages("signed_by"))
            FormParts.text("signed_on", label: "Signed on", value: uploadValues["signed_on"], type: "date",
                           hint: "For an LOA: the signature date.", errors: uploadErrors.messages("signed_on"))
            FormParts.text("file", label: "File", value: nil, type: "file", hint: "A PDF, PNG, JPEG or TIFF.",
                           errors: uploadErrors.messages("file"))
            H.div(.class("actions")) { H.button(.type("submit")) { "Upload" } }
        }
    }

    private var commentsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "comments-heading")) {
            H.h2(.id("comments-heading")) { "Comments" }
            if comments.isEmpty {
                H.p(.class("muted")) { "No comments yet." }
            } else {
                for comment in comments {
                    H.div(.class("comment")) {
                        H.p(.class("meta")) {
                            comment.author == .customer ? "You" : "Porting team"
                            " · "
                            H.time(PageFormat.machine(comment.createdAt)) { PageFormat.dateTime(comment.createdAt) }
                        }
                        H.p { comment.body }
                    }
                }
            }
            H.form(action: path + "/comments") {
                FormParts.csrf(chrome.csrfToken ?? "")
                let id = FormParts.id("body")
                H.div(.class(commentErrors.isEmpty ? "field" : "field has-error")) {
                    H.label(for: id) { "Add a comment for the porting team" }
                    for message in commentErrors.messages("body") { H.p(.class("field-error")) { "Error: " + message } }
                    H.textarea(.id(id), .name("body"), text: commentText)
                }
                H.div(.class("actions")) { H.button(.type("submit")) { "Post comment" } }
            }
        }
    }

    private var factsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "facts-heading")) {
            H.h2(.id("facts-heading")) { "Details" }
            H.dl(.class("facts")) {
                H.dt { "Status" }; H.dd { PageFormat.status(request.status) }
                H.dt { "FOC (port) date" }; H.dd { request.focDate?.description ?? "Not yet confirmed" }
                H.dt { "PON / version" }; H.dd { request.pon + " / \(request.version)" }
                H.dt { "Losing carrier" }; H.dd { request.losingCarrier?.name ?? "Unknown" }
                H.dt { "Opened" }; H.dd { PageFormat.dateTime(request.createdAt) }
                if let submitted = request.submittedAt { H.dt { "Submitted" }; H.dd { PageFormat.dateTime(submitted) } }
                if let completed = request.completedAt { H.dt { "Completed" }; H.dd { PageFormat.dateTime(completed) } }
                if let reference = request.draft.customerReference { H.dt { "Your reference" }; H.dd { reference } }
            }
        }
    }

    private var timelineSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "timeline-heading")) {
            H.h2(.id("timeline-heading")) { "Timeline" }
            H.ol(.class("timeline")) {
                for entry in timeline.reversed() {
                    H.li {
                        H.strong { entry.text }
                        H.div(.class("meta")) { H.time(PageFormat.machine(entry.at)) { PageFormat.dateTime(entry.at) } }
                        if let detail = entry.detail { H.p { detail } }
                    }
                }
            }
        }
    }

    private var cancelSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "cancel-heading")) {
            H.h2(.id("cancel-heading")) { "Cancel the request" }
            H.p(.class("muted")) { "Cancels close 48 hours before the port date." }
            H.form(action: path + "/cancel", Attribute("data-confirm", "Cancel this port request?")) {
                FormParts.csrf(chrome.csrfToken ?? "")
                FormParts.text("reason", label: "Reason (optional)", value: nil)
                H.div(.class("actions")) { H.button(.type("submit"), .class("danger")) { "Cancel this request" } }
            }
        }
    }
}
