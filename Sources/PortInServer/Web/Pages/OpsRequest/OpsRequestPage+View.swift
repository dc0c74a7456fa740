import PortInCore
import PortInStore

extension OpsRequestPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.p { H.a(href: "/ops") { "← Queue" } }
            H.h1 { "Port request " + request.pon }
            if let notice { notice.html }
            if !overdue.isEmpty {
                H.div(.class("notice warn"), Attribute("role", "note")) {
                    H.p { H.strong { "Overdue" } }
                    H.ul { for reason in overdue { H.li { reason } } }
                }
            }
            H.div(.class("two-col")) {
                H.div {
                    factsSection
                    if !reasons.isEmpty { reasonsSection }
                    csrSection
                    numbersSection
                    documentsSection
                    timelineSection
                }
                H.div {
                    commentsSection
                    notesSection
                    actionsSection
                }
            }
        }
    }

    private var factsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "facts-heading")) {
            H.h2(.id("facts-heading")) { "Details" }
            H.dl(.class("facts")) {
                H.dt { "Status" }
                H.dd { H.span(.class("badge " + request.status.rawValue)) { PageFormat.status(request.status) } }
                H.dt { "In this status" }
                H.dd { "\(ageBusinessDays) business day\(ageBusinessDays == 1 ? "" : "s") (since " + PageFormat.dateTime(enteredStatus) + ")" }
                H.dt { "Account" }
                H.dd { (account?.name ?? "Unknown") + " (" + request.accountId + ")" }
                H.dt { "PON / version" }; H.dd { request.pon + " / \(request.version)" }
                H.dt { "Losing carrier" }; H.dd { request.losingCarrier.map { $0.name + " (SPID " + $0.spid + ")" } ?? "Unknown" }
                H.dt { "Type" }
                H.dd { request.draft.kind.rawValue + (request.numberType.map { ", " + $0.rawValue } ?? "") + ", " + request.draft.subscriberType.rawValue }
                H.dt { "FOC (port) date" }; H.dd { request.focDate?.description ?? "Not confirmed" }
                H.dt { "Requested port date" }; H.dd { request.draft.requestedFOCDate?.description ?? "Earliest possible" }
                H.dt { "Opened" }; H.dd { PageFormat.dateTime(request.createdAt) }
                if let submitted = request.submittedAt { H.dt { "Submitted" }; H.dd { PageFormat.dateTime(submitted) } }
                if let completed = request.completedAt { H.dt { "Completed" }; H.dd { PageFormat.dateTime(completed) } }
                H.dt { "PIN" }; H.dd { request.pinProvided ? "On file (never shown)" : "None" }
                if let reference = request.draft.customerReference { H.dt { "Customer reference" }; H.dd { reference } }
            }
        }
    }

    private var reasonsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "reasons-heading")) {
            H.h2(.id("reasons-heading")) { "Reasons the customer sees (\(reasons.count))" }
            for reason in reasons {
                H.div(.class("reason"), Attribute("role", "note")) {
                    H.strong { reason.title }
                    H.p { reason.explanation }
                    if let message = reason.carrierMessage { H.p { "Note: " + message } }
                    H.p { "Fields: " + reason.fields.joined(separator: ", ") }
                }
            }
        }
    }

    private var csrSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "csr-heading")) {
            H.h2(.id("csr-heading")) { "Request vs the losing carrier's CSR" }
            switch csr {
            case .unavailable(let why):
                H.p(.class("muted")) { why }
            case .refused(let errors):
                H.p { "The carrier refused the CSR lookup:" }
                H.ul { for error in errors { H.li { error.field + ": " + error.message } } }
            case .compared(let number, let carrier, let rows):
                let mismatches = rows.filter { !$0.matches }.count
                H.p {
                    "Record of " + PageFormat.phone(number) + " at " + carrier + ": "
                    H.strong { mismatches == 0 ? "every field matches" : mismatches == 1 ? "1 field differs" : "\(mismatches) fields differ" }
                    "."
                }
                H.div(.class("table-wrap")) {
                    H.table(.class("csr-diff")) {
                        H.thead {
                            H.tr {
                                for title in ["Field", "Request", "On record", "Result"] { H.th(Attribute("scope", "col")) { title } }
                            }
                        }
                        H.tbody {
                            for row in rows {
                                H.tr(.class(row.matches ? "match" : "mismatch"), Attribute("data-field", row.field)) {
                                    H.th(Attribute("scope", "row")) { row.label }
                                    H.td { row.requested.isEmpty ? "–" : row.requested }
                                    H.td { row.onRecord.isEmpty ? "–" : row.onRecord }
                                    H.td { if row.matches { "Matches" } else { H.strong { "Mismatch" } } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private var numbersSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "numbers-heading")) {
            H.h2(.id("numbers-heading")) { "Numbers (\(request.numbers.count))" }
            NumberStatusTable.html(request.numbers)
        }
    }

    private var documentsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "documents-heading")) {
            H.h2(.id("documents-heading")) { "Documents" }
            if documents.isEmpty {
                H.p(.class("muted")) { "No documents." }
            }
            for document in documents {
                let url = path + "/documents/" + PageFormat.pathSegment(document.id)
                let name = PageFormat.documentKind(document.kind) + (document.fileName.map { ": " + $0 } ?? "")
                H.div(.class("document")) {
                    H.h3 { name }
                    H.p(.class("meta")) {
                        RequestPage.details(of: document) + " · "
                        H.a(href: url, Attribute("target", "_blank")) { "Open in a new tab" }
                    }
                    if document.contentType == "application/pdf" {
                        H.iframe(src: url, title: name, .class("document-view"))
                    } else if document.contentType == "image/png" || document.contentType == "image/jpeg" {
                        H.img(src: url, alt: name, .class("document-view"))
                    } else {
                        H.p(.class("muted")) { "This format (" + document.contentType + ") opens in a new tab." }
                    }
                }
            }
        }
    }

    private var timelineSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "timeline-heading")) {
            H.h2(.id("timeline-heading")) { "Timeline" }
            H.ol(.class("timeline")) {
                for entry in timeline.reversed() {
                    H.li(.class(entry.internalOnly ? "internal" : "")) {
                        H.strong { entry.text }
                        if entry.internalOnly { " "; H.span(.class("badge")) { "internal" } }
                        H.div(.class("meta")) { H.time(PageFormat.machine(entry.at)) { PageFormat.dateTime(entry.at) } }
                        if let detail = entry.detail { H.p { detail } }
                    }
                }
            }
        }
    }

    private func commentList(_ list: [Comment], empty: String) -> HTML {
        H.div {
            if list.isEmpty { H.p(.class("muted")) { empty } }
            for comment in list {
                H.div(.class("comment")) {
                    H.p(.class("meta")) {
                        comment.author == .customer ? "Customer" : "Porting team"
                        " · "
                        H.time(PageFormat.machine(comment.createdAt)) { PageFormat.dateTime(comment.createdAt) }
                    }
                    H.p { comment.body }
                }
            }
        }
    }

    private var commentsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "comments-heading")) {
            H.h2(.id("comments-heading")) { "Comments with the customer" }
            commentList(comments, empty: "No comments yet.")
            textForm("comment", action: path + "/comments", label: "Comment to the customer (emailed, on their page)", button: "Post comment")
        }
    }

    private var notesSection: HTML {
        H.section(.class("card internal"), Attribute("aria-labelledby", "notes-heading")) {
            H.h2(.id("notes-heading")) { "Private notes (porting team only)" }
            commentList(notes, empty: "No private notes.")
            textForm("note", action: path + "/notes", label: "Private note (never shown to the customer)", button: "Add private note")
        }
    }

    /// A one-textarea form (`body`), its problems beside it.
    private func textForm(_ name: String, action: String, label: String, button: String) -> HTML {
        let state = form(name)
        let id = name + "-body"
        let errors = state.errors.messages("body")
        return H.form(action: action) {
            FormParts.csrf(chrome.csrfToken ?? "")
            H.div(.class(errors.isEmpty ? "field" : "field has-error")) {
                H.label(for: id) { label }
                for message in errors { H.p(.class("field-error"), .id(id + "-error")) { "Error: " + message } }
                if errors.isEmpty {
                    H.textarea(.id(id), .name("body"), text: state.values["body"] ?? "")
                } else {
                    H.textarea(.id(id), .name("body"), .aria(describedBy: id + "-error"), Attribute("aria-invalid", "true"),
                               text: state.values["body"] ?? "")
                }
            }
            H.div(.class("actions")) { H.button(.type("submit")) { button } }
        }
    }
}
