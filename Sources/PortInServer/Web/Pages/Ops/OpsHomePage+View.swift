extension OpsHomePage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Ops console" }
            H.div(.class("card")) {
                H.p { "Signed in as " + user.email + " (porting team)." }
                H.p {
                    "The console's queue, search and actions are on their way. Until then, the porting team works through the "
                    H.code { "/v1/ops/" }
                    " API: see the "
                    H.a(href: "/docs") { "API reference" }
                    "."
                }
            }
        }
    }
}
