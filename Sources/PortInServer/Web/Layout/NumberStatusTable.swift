import PortInStore

/// The numbers of a request with their status and port date: the same table on the customer's
/// request page and the ops detail page.
enum NumberStatusTable {
    static func html(_ numbers: [RequestNumber]) -> HTML {
        H.div(.class("table-wrap")) {
            H.table {
                H.thead {
                    H.tr {
                        H.th(Attribute("scope", "col")) { "Number" }; H.th(Attribute("scope", "col")) { "Status" }
                        H.th(Attribute("scope", "col")) { "Port date" }
                    }
                }
                H.tbody {
                    for number in numbers {
                        H.tr {
                            H.td { PageFormat.phone(number.e164) }
                            H.td { H.span(.class("badge " + number.status.rawValue)) { PageFormat.numberStatus(number.status) } }
                            H.td { number.focDate?.description ?? "–" }
                        }
                    }
                }
            }
        }
    }
}
