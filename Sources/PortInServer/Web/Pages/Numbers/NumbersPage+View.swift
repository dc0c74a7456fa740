import PortInStore

extension NumbersPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Your numbers" }
            H.p(.class("lede")) {
                "Numbers join your account as porting 2 business days before the port date; attach an application then, "
                "so calls and messages work from the moment the port completes."
            }
            if let notice { notice.html }
            if truncated { H.p(.class("notice")) { "Showing the first \(NumbersPage.shown) numbers." } }
            numberTable("Porting", id: "porting", numbers: porting, empty: "No numbers are porting right now.")
            numberTable("Active", id: "active", numbers: active, empty: "No active numbers yet.")
            applicationForm
        }
    }

    private func numberTable(_ title: String, id: String, numbers: [AccountNumber], empty: String) -> HTML {
        H.section(.class("card"), Attribute("aria-labelledby", id + "-heading")) {
            H.h2(.id(id + "-heading")) { title + " (\(numbers.count))" }
            if numbers.isEmpty {
                H.p(.class("muted")) { empty }
            } else {
                H.div(.class("table-wrap")) {
                    H.table {
                        H.thead {
                            H.tr {
                                H.th(Attribute("scope", "col")) { "Number" }
                                H.th(Attribute("scope", "col")) { "Port date" }
                                H.th(Attribute("scope", "col")) { "Application" }
                            }
                        }
                        H.tbody { for number in numbers { row(number) } }
                    }
                }
            }
        }
    }

    private func row(_ number: AccountNumber) -> HTML {
        let inputId = "f-application-" + number.e164.filter(\.isNumber)
        let errors = attachErrors[number.e164] ?? []
        return H.tr {
            H.td {
                PageFormat.phone(number.e164)
                if let request = number.portRequestId {
                    H.div(.class("meta")) { H.a(href: "/app/requests/" + PageFormat.pathSegment(request)) { "Port request" } }
                }
            }
            H.td { number.focDate?.description ?? "–" }
            H.td {
                H.form(action: "/app/numbers/" + PageFormat.pathSegment(number.e164) + "/application") {
                    FormParts.csrf(chrome.csrfToken ?? "")
                    FormParts.select("application_id", id: inputId, label: "Application for " + PageFormat.phone(number.e164),
                                     options: [(value: "", label: "None")] + applications.map { (value: $0.id, label: $0.name) },
                                     selected: number.applicationId ?? "", errors: errors)
                    H.button(.type("submit"), .class("secondary")) { "Attach" }
                }
            }
        }
    }

    private var applicationForm: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "apps-heading")) {
            H.h2(.id("apps-heading")) { "Applications" }
            if applications.isEmpty {
                H.p(.class("muted")) { "No applications yet: create one to attach numbers to." }
            } else {
                H.ul {
                    for application in applications {
                        H.li {
                            H.strong { application.name }
                            if let voice = application.voiceURL { " · voice " + voice }
                            if let sms = application.smsURL { " · SMS " + sms }
                        }
                    }
                }
            }
            H.form(action: "/app/applications") {
                FormParts.csrf(chrome.csrfToken ?? "")
                H.h3 { "New application" }
                if !applicationErrors.isEmpty {
                    FormParts.summary("The application was not created", errors: applicationErrors.all,
                                      labels: ["name": "Name", "voice_url": "Voice URL", "sms_url": "SMS URL"])
                }
                FormParts.text("name", label: "Name", value: applicationValues["name"], errors: applicationErrors.messages("name"))
                FormParts.text("voice_url", label: "Voice URL", value: applicationValues["voice_url"], type: "url",
                               hint: "Where we send incoming calls (https://...).", errors: applicationErrors.messages("voice_url"))
                FormParts.text("sms_url", label: "SMS URL", value: applicationValues["sms_url"], type: "url",
                               hint: "Where we send incoming messages.", errors: applicationErrors.messages("sms_url"))
                H.div(.class("actions")) { H.button(.type("submit")) { "Create application" } }
            }
        }
    }
}
