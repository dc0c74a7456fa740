extension OpsCarriersPage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Carrier dashboard" }
            H.p(.class("lede")) {
                "Drawn on the server from the requests' status changes. Business days count US Eastern weekdays without federal holidays."
            }
            if truncated {
                H.p(.class("notice")) { "Based on the newest \(Self.maxRequests) requests and \(Self.maxStatusChanges) status changes." }
            }
            for chart in charts {
                H.section(.class("card")) { chart.render() }
            }
            H.p(.class("muted")) {
                "Rejection reasons are those stored on each request now (a resubmission clears them). "
                "Time to FOC runs from the latest submission before the carrier's first FOC confirmation."
            }
        }
    }
}
