/// The e-signature form, the same in the wizard and on the signing-link page: typed name, title,
/// a drawn signature (canvas, `signature.js` puts it in the hidden `signature` input as a PNG data
/// URL), and the consent box with the exact consent text. Keyboard users adopt their typed name as
/// the drawn signature with a button; without JavaScript there is no drawing, and the page says so.
enum SignForm {
    static let labels = ["typed_name": "Your full name", "title": "Your title", "signature": "Signature", "consent": "Consent"]
    static let script = "signature.js"

    static func render(action: String, idPrefix: String, csrfToken: String, values: [String: String], errors: FormErrors) -> HTML {
        let padId = idPrefix + "-pad"
        let signatureId = idPrefix + "-signature"
        let consentId = idPrefix + "-consent"
        return H.form(action: action, .class("sign-form"), Attribute("novalidate", nil)) {
            FormParts.csrf(csrfToken)
            if !errors.isEmpty {
                FormParts.summary("Not signed: \(errors.all.count) problem\(errors.all.count == 1 ? "" : "s") to fix", errors: errors.all,
                                  labels: [:])
            }
            FormParts.text("typed_name", label: "Your full name", value: values["typed_name"],
                           hint: "Exactly as the authorized person is named in the LOA.", errors: errors.messages("typed_name"),
                           autocomplete: "name")
            FormParts.text("title", label: "Your title (optional)", value: values["title"], errors: errors.messages("title"),
                           autocomplete: "organization-title")
            H.div(.class(errors.messages("signature").isEmpty ? "field signature-field" : "field signature-field has-error")) {
                H.span(.class("label"), .id(padId + "-label")) { "Draw your signature" }
                H.span(.class("hint"), .id(padId + "-hint")) {
                    "Draw with a mouse, finger or pen. Using a keyboard? Type your name above, then choose \"Use my typed name\"."
                }
                for message in errors.messages("signature") { H.p(.class("field-error")) { "Error: " + message } }
                H.canvas(.id(padId), .class("signature-pad"), Attribute("width", "600"), Attribute("height", "200"),
                         Attribute("role", "img"), Attribute("aria-labelledby", padId + "-label"), Attribute("aria-describedby", padId + "-hint"),
                         Attribute("data-signature-input", signatureId), Attribute("data-signature-name", "typed_name")) {
                    "Drawing a signature needs a browser with JavaScript."
                }
                H.input(.type("hidden"), .id(signatureId), .name("signature"), .value(""))
                H.div(.class("actions")) {
                    H.button(.type("button"), .class("secondary"), Attribute("data-signature-clear", padId)) { "Clear" }
                    H.button(.type("button"), .class("secondary"), Attribute("data-signature-adopt", padId)) { "Use my typed name" }
                }
                H.noscript { H.p(.class("field-error")) { "Signing here needs JavaScript. Turn it on, or send a signing link instead." } }
            }
            H.div(.class(errors.messages("consent").isEmpty ? "field checkbox" : "field checkbox has-error")) {
                for message in errors.messages("consent") { H.p(.class("field-error")) { "Error: " + message } }
                H.input(.type("checkbox"), .id(consentId), .name("consent"), .value("yes"))
                H.label(for: consentId) { LOASigningService.consentText }
            }
            H.button(.type("submit"), .class("primary")) { "Sign the LOA" }
        }
    }

    /// The form's fields as the service takes them.
    static func input(_ form: [String: String]) -> LOASignInput {
        LOASignInput(typedName: form["typed_name"] ?? "", title: form["title"] ?? "", signatureDataURL: form["signature"] ?? "",
                     consent: form["consent"] == "yes")
    }
}
