extension LoginPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.div(.class("card login")) {
                H.h1 { "Sign in to PortIn" }
                if let text = messageText {
                    if isError {
                        H.div(.class("notice bad"), Attribute("role", "alert"), Attribute("tabindex", "-1"), Attribute("data-error-summary", nil)) {
                            H.p { text }
                        }
                    } else {
                        H.div(.class("notice ok"), Attribute("role", "status")) { H.p { text } }
                    }
                }
                H.form(action: "/login") {
                    FormParts.csrf(csrfToken)
                    FormParts.text("email", label: "Email", value: email, type: "email", required: true, autocomplete: "username")
                    FormParts.text("password", label: "Password", value: nil, type: "password", required: true,
                                   autocomplete: "current-password")
                    H.div(.class("actions")) { H.button(.type("submit")) { "Sign in" } }
                }
            }
        }
    }
}
