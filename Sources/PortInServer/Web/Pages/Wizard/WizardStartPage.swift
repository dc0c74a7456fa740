import PortInCore
import PortInStore

/// The wizard's first two steps on one page: the numbers (pasted or a CSV), then, once checked,
/// each number's portability, the preview of how the request splits, and the details form.
struct WizardStartPage: Sendable {
    var chrome: PageChrome
    /// The numbers as typed (kept when the page comes back with problems).
    var text: String = ""
    var numbersErrors = FormErrors()
    /// The portability of each entry, once checked.
    var outcomes: [PortabilityOutcome]?
    /// How create will split the portable numbers.
    var plan: [PortRequestService.PlannedRequest] = []
    var values: [String: String] = [WizardDetails.subscriberTypeField: "business"]
    var detailErrors = FormErrors()
    var notice: RequestPage.Notice?

    static let path = "/app/port"

    init(session: CustomerSession) {
        chrome = PageChrome(title: "Port numbers", user: session.user, csrfToken: session.session.csrfToken, current: Self.path)
    }

    var portable: [PortabilityOutcome] { outcomes?.filter(\.portable) ?? [] }
    var excluded: [PortabilityOutcome] { outcomes?.filter { !$0.portable } ?? [] }

    static func typeName(_ type: NumberType?) -> String {
        switch type {
        case .tollFree?: "Toll-free"
        case nil: "Unknown"
        case let other?: other.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
        }
    }
}

extension WizardStartPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Port numbers" }
            H.ol(.class("wizard-steps")) {
                H.li(outcomes == nil ? Attribute("aria-current", "step") : .class("done")) { "1. Numbers" }
                H.li(outcomes == nil ? .class("upcoming") : Attribute("aria-current", "step")) { "2. Details" }
                H.li(.class("upcoming")) { "3. Letter of authorization" }
                H.li(.class("upcoming")) { "4. Invoice" }
                H.li(.class("upcoming")) { "5. Review and submit" }
            }
            if let notice { notice.html }
            if outcomes == nil { numbersForm } else { checkedView }
        }
    }

    private var numbersForm: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "numbers-heading")) {
            H.h2(.id("numbers-heading")) { "Which numbers?" }
            if !numbersErrors.isEmpty {
                FormParts.summary("The numbers were not checked", errors: numbersErrors.all, labels: ["numbers": "Numbers", "file": "CSV file"])
            }
            H.form(action: Self.path + "/numbers", multipart: true, Attribute("novalidate", nil)) {
                FormParts.csrf(chrome.csrfToken ?? "")
                H.div(.class(numbersErrors.messages("numbers").isEmpty ? "field" : "field has-error")) {
                    H.label(for: FormParts.id("numbers")) { "Paste the numbers" }
                    H.span(.class("hint"), .id("f-numbers-hint")) {
                        "Any format: one per line, or separated by commas or spaces; +1 (217) 522-0142 and 2175220142 both work."
                    }
                    for message in numbersErrors.messages("numbers") { H.p(.class("field-error"), .id("f-numbers-error")) { "Error: " + message } }
                    H.textarea(.id(FormParts.id("numbers")), .name("numbers"), Attribute("rows", "8"),
                               .aria(describedBy: "f-numbers-hint"), text: text)
                }
                H.div(.class(numbersErrors.messages("file").isEmpty ? "field" : "field has-error")) {
                    H.label(for: FormParts.id("file")) { "Or upload a CSV file" }
                    H.span(.class("hint"), .id("f-file-hint")) { "A text file with the numbers in any column, at most 1 MB." }
                    for message in numbersErrors.messages("file") { H.p(.class("field-error"), .id("f-file-error")) { "Error: " + message } }
                    H.input(.type("file"), .id(FormParts.id("file")), .name("file"), Attribute("accept", ".csv,.txt,text/csv,text/plain"),
                            .aria(describedBy: numbersErrors.messages("file").isEmpty ? "f-file-hint" : "f-file-hint f-file-error"))
                }
                H.button(.type("submit"), .class("primary")) { "Check the numbers" }
            }
        }
    }

    private var checkedView: HTML {
        .concat([resultsSection, planSection, detailsSection])
    }

    private var resultsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "results-heading")) {
            H.h2(.id("results-heading")) { "Portability" }
            H.p { "\(portable.count) of \(outcomes?.count ?? 0) can be ported." }
            H.div(.class("table-wrap")) {
                H.table(.class("results")) {
                    H.caption { "Each number as checked with the carriers" }
                    H.thead { H.tr { H.th { "Number" }; H.th { "Portable" }; H.th { "Losing carrier" }; H.th { "Type" }; H.th { "Reason" } } }
                    H.tbody {
                        for outcome in outcomes ?? [] {
                            H.tr(.class(outcome.portable ? "portable" : "not-portable")) {
                                H.td { outcome.e164.map(PageFormat.phone) ?? outcome.input }
                                H.td { outcome.portable ? "Yes" : "No" }
                                H.td { outcome.losingCarrier?.name ?? "—" }
                                H.td { Self.typeName(outcome.numberType) }
                                H.td { outcome.portable ? (outcome.pinRequired ? "PIN required" : "") : (outcome.message ?? outcome.reason ?? "") }
                            }
                        }
                    }
                }
            }
            if !excluded.isEmpty {
                H.div(.class("notice warn"), Attribute("role", "note")) {
                    H.p { H.strong { "\(excluded.count) left out" }; ": these are not part of the request; fix or remove them and check again if they should be." }
                    H.ul {
                        for outcome in excluded {
                            H.li { (outcome.e164.map(PageFormat.phone) ?? outcome.input) + ": " + (outcome.message ?? outcome.reason ?? "not portable") }
                        }
                    }
                }
            }
            H.p { H.a(href: Self.path) { "Start again with other numbers" } }
        }
    }

    private var planSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "plan-heading")) {
            H.h2(.id("plan-heading")) { "How the request will be split" }
            if plan.isEmpty {
                H.p { "None of the numbers can be ported, so there is nothing to request." }
            } else {
                H.p { "One request per losing carrier and number type: \(plan.count) request\(plan.count == 1 ? "" : "s"), each with its own LOA." }
                H.ol(.class("plan")) {
                    for (index, planned) in plan.enumerated() {
                        H.li {
                            H.strong { "Request \(index + 1): " + (planned.first.losingCarrier?.name ?? "?") + ", " + Self.typeName(planned.numberType) }
                            " (\(planned.numbers.count) number\(planned.numbers.count == 1 ? "" : "s"))"
                            H.ul { for number in planned.numbers.prefix(10) { H.li { PageFormat.phone(number) } } }
                            if planned.numbers.count > 10 { H.p { "and \(planned.numbers.count - 10) more" } }
                        }
                    }
                }
            }
        }
    }

    private var detailsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "details-heading")) {
            H.h2(.id("details-heading")) { "2. Subscriber and service address" }
            if !plan.isEmpty {
                if !detailErrors.isEmpty {
                    FormParts.summary("Nothing was saved: \(detailErrors.all.count) problem\(detailErrors.all.count == 1 ? "" : "s") to fix",
                                      errors: detailErrors.all, labels: WizardDetails.labels.filter { WizardDetails.known.contains($0.key) })
                }
                H.form(action: Self.path + "/drafts", Attribute("novalidate", nil)) {
                    FormParts.csrf(chrome.csrfToken ?? "")
                    H.input(.type("hidden"), .name("numbers"), .value(portable.compactMap(\.e164).joined(separator: "\n")))
                    WizardDetails.fields(values: values, errors: detailErrors,
                                         pinHint: portable.contains(where: \.pinRequired) ? "The current carrier requires the account PIN or passcode." : nil)
                    H.button(.type("submit"), .class("primary")) { "Save and check with the carrier" }
                }
            }
        }
    }
}
