extension DashboardPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Your port requests" }
            H.p(.class("lede")) { account.name }
            if groups.isEmpty {
                H.div(.class("card")) {
                    H.h2 { "No port requests yet" }
                    H.p {
                        "To bring numbers over, open a port request with the API ("
                        H.code { "POST /v1/port-requests" }
                        ", see the "
                        H.a(href: "/docs") { "API reference" }
                        ") or with the port-numbers wizard. Your requests then show here with what happens next."
                    }
                }
            } else {
                H.h2(.id("counts-heading")) { "By status" }
                H.ul(.class("counts"), Attribute("aria-labelledby", "counts-heading")) {
                    for (status, count) in counts {
                        H.li {
                            H.a(href: "#status-" + status.rawValue) {
                                H.span(.class("n")) { "\(count)" }
                                PageFormat.status(status)
                            }
                        }
                    }
                }
                if truncated {
                    H.p(.class("notice")) { "Showing your newest \(DashboardPage.shown) requests." }
                }
                for group in groups {
                    H.section(Attribute("aria-labelledby", "status-" + group.status.rawValue)) {
                        H.h2(.id("status-" + group.status.rawValue)) { PageFormat.status(group.status) + " (\(group.items.count))" }
                        H.ul(.class("requests")) {
                            for item in group.items { itemView(item) }
                        }
                    }
                }
            }
        }
    }

    private func itemView(_ item: Item) -> HTML {
        H.li(.class(item.needsAction ? "request-item needs-action" : "request-item")) {
            H.div(.class("top")) {
                H.a(href: "/app/requests/" + PageFormat.pathSegment(item.id)) { H.strong { item.numbers } }
                H.span(.class("badge " + item.status.rawValue)) { PageFormat.status(item.status) }
                H.span(.class("meta")) { "PON " + item.pon }
            }
            H.p(.class("next")) { item.nextAction }
            H.p(.class("meta")) {
                item.dates.map { $0.label + " " + $0.value }.joined(separator: " · ")
                if let carrier = item.carrier { " · From " + carrier }
            }
        }
    }
}
