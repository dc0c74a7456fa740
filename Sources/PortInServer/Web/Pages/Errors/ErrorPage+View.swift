extension ErrorPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.div(.class("card")) {
                H.h1 { title }
                H.p { detail }
                H.p(.class("muted")) { "Error \(status)" }
                H.div(.class("actions")) {
                    for link in links { H.a(href: link.path, .class("button")) { link.label } }
                }
            }
        }
    }
}
