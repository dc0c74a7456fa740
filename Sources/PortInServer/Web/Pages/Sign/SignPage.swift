import PortInCore
import PortInStore

/// One request's LOA to sign: what it covers, a link to the pre-filled PDF, and the sign form.
/// The wizard shows it to the signed-in customer; a signing link shows it to the authorized
/// person without an account.
struct SignPage: Sendable {
    var chrome: PageChrome
    var request: StoredPortRequest
    var previewURL: String
    var action: String
    var back: (href: String, label: String)?
    var values: [String: String] = [:]
    var errors = FormErrors()
    var notice: RequestPage.Notice?

    func render() -> HTML {
        let draft = request.draft
        let subscriber = draft.subscriberType == .business ? (draft.businessName ?? "")
            : [draft.firstName, draft.lastName].compactMap { $0 }.joined(separator: " ")
        return Layout.page(chrome) {
            if let back { H.p { H.a(href: back.href) { back.label } } }
            H.h1 { "Sign the Letter of Authorization" }
            if let notice { notice.html }
            H.section(.class("card"), Attribute("aria-labelledby", "loa-heading")) {
                H.h2(.id("loa-heading")) { "What you authorize" }
                H.dl(.class("facts")) {
                    H.dt { "Port request" }; H.dd { request.pon }
                    H.dt { "Subscriber" }; H.dd { subscriber }
                    H.dt { "Authorized person" }; H.dd { draft.authorizedPerson?.name ?? "" }
                    H.dt { "Current carrier" }; H.dd { request.losingCarrier?.name ?? "" }
                    H.dt { "Numbers" }; H.dd { "\(request.numbers.count)" }
                }
                H.ul(.class("numbers-short")) {
                    for number in request.numbers.prefix(20) { H.li { PageFormat.phone(number.e164) } }
                }
                if request.numbers.count > 20 { H.p { "and \(request.numbers.count - 20) more: every number is listed in the LOA." } }
                H.p { H.a(href: previewURL, .class("button secondary"), Attribute("target", "_blank")) { "Read the LOA (PDF)" } }
            }
            H.section(.class("card"), Attribute("aria-labelledby", "sign-heading")) {
                H.h2(.id("sign-heading")) { "Sign" }
                SignForm.render(action: action, idPrefix: "sign", csrfToken: chrome.csrfToken ?? "", values: values, errors: errors)
            }
        }
    }
}

/// The answer after a signing link was used: nothing more to do.
struct SignedThanksPage: Sendable {
    var chrome: PageChrome
    var pon: String

    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Signed. Thank you." }
            H.div(.class("notice ok"), Attribute("role", "status")) {
                H.p { H.strong { "The Letter of Authorization for port request \(pon) is signed." } }
                H.p { "The customer sees it at once and submits the request. You can close this page." }
            }
        }
    }
}
