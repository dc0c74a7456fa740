extension RequestPage.Notice {
    /// The banner every page shows after an action: a status for success, an alert otherwise.
    var html: HTML {
        H.div(.class(ok ? "notice ok" : "notice bad"), Attribute("role", ok ? "status" : "alert")) {
            H.p { H.strong { title } }
            if let text { H.p { text } }
        }
    }
}
