import PortInCore
import PortInStore

extension OpsQueuePage {
    func render() -> HTML {
        Layout.page(chrome) {
            H.h1 { "Ops console" }
            if let notice { notice.html }
            searchForm
            H.div(.class("two-col")) {
                H.section(Attribute("aria-labelledby", "queue-heading")) {
                    if let searchSummary {
                        H.h2(.id("queue-heading")) { "Search: \(rows.count) request\(rows.count == 1 ? "" : "s") for " + searchSummary }
                        H.p { H.a(href: "/ops") { "← Back to the queue" } }
                    } else {
                        H.h2(.id("queue-heading")) { "Queue: " + (status.map(PageFormat.status) ?? "all statuses") }
                        tabs
                    }
                    queueTable
                    if let nextCursor, searchSummary == nil {
                        H.p {
                            H.a(href: "/ops?" + (status.map { "status=" + $0.rawValue + "&" } ?? "") + "cursor=" + PageFormat.pathSegment(nextCursor),
                                .class("button secondary")) { "Older requests →" }
                        }
                    }
                }
                H.div {
                    alertsSection
                    deadJobsSection
                }
            }
        }
    }

    private var searchForm: HTML {
        H.getForm(action: "/ops", Attribute("role", "search"), .class("card")) {
            H.div(.class("field")) {
                H.label(for: "q") { "Search by number, PON or account" }
                H.span(.class("hint"), .id("q-hint")) { "A number in any format (217-522-0142), a PON (PI0000000001), an account id or part of its name." }
                H.input(.type("search"), .id("q"), .name("q"), .value(query), .aria(describedBy: "q-hint"))
            }
            H.div(.class("actions")) { H.button(.type("submit")) { "Search" } }
        }
    }

    private var tabs: HTML {
        H.nav(Attribute("aria-label", "Statuses"), .class("tabs")) {
            H.ul {
                H.li { tab(nil, label: "All (\(counts.values.reduce(0, +)))") }
                for tabStatus in Self.tabs {
                    H.li { tab(tabStatus, label: PageFormat.status(tabStatus) + " (\(counts[tabStatus] ?? 0))") }
                }
            }
        }
    }

    private func tab(_ tabStatus: PortStatus?, label: String) -> HTML {
        let href = tabStatus.map { "/ops?status=" + $0.rawValue } ?? "/ops"
        if tabStatus == status { return H.a(href: href, Attribute("aria-current", "page")) { label } }
        return H.a(href: href) { label }
    }

    private var queueTable: HTML {
        H.div(.class("table-wrap")) {
            if rows.isEmpty {
                H.p(.class("muted")) { "No requests here." }
            } else {
                H.table(.class("queue")) {
                    H.caption { "Age counts business days (US Eastern, federal holidays off) since the request entered its status." }
                    H.thead {
                        H.tr {
                            for title in ["PON", "Account", "Status", "Losing carrier", "Type", "Numbers", "Age", "Attention"] {
                                H.th(Attribute("scope", "col")) { title }
                            }
                        }
                    }
                    H.tbody {
                        for row in rows { rowView(row) }
                    }
                }
            }
        }
    }

    private func rowView(_ row: Row) -> HTML {
        let request = row.request
        return H.tr(.class(row.overdue.isEmpty ? "" : "overdue")) {
            H.td { H.a(href: "/ops/requests/" + PageFormat.pathSegment(request.id)) { request.pon } }
            H.td { row.accountName }
            H.td { H.span(.class("badge " + request.status.rawValue)) { PageFormat.status(request.status) } }
            H.td { request.losingCarrier?.name ?? "Unknown" }
            H.td { request.draft.kind.rawValue.replacingOccurrences(of: "_", with: " ") + (request.numberType.map { " · " + $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "") }
            H.td { "\(request.numbers.count)" }
            H.td {
                H.span(Attribute("title", "In this status since " + PageFormat.dateTime(row.enteredStatus))) {
                    "\(row.ageBusinessDays) business day\(row.ageBusinessDays == 1 ? "" : "s")"
                }
            }
            H.td {
                if row.overdue.isEmpty {
                    H.span(.class("muted")) { "On time" }
                } else {
                    H.ul(.class("flags")) {
                        for reason in row.overdue { H.li { H.strong { "Overdue: " }; reason } }
                    }
                }
            }
        }
    }

    private var alertsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "alerts-heading")) {
            H.h2(.id("alerts-heading")) { "Latest ops alerts" }
            if alerts.isEmpty {
                H.p(.class("muted")) { "No alerts." }
            } else {
                H.ul(.class("alerts")) {
                    for alert in alerts {
                        H.li {
                            H.a(href: "/ops/requests/" + PageFormat.pathSegment(alert.event.requestId)) {
                                alert.alert.map { $0.pon + " v\($0.version)" } ?? alert.event.requestId
                            }
                            ": " + (alert.event.reason ?? alert.alert?.alert ?? "alert")
                            H.div(.class("meta")) { H.time(PageFormat.machine(alert.event.at)) { PageFormat.dateTime(alert.event.at) } }
                        }
                    }
                }
            }
        }
    }

    private var deadJobsSection: HTML {
        H.section(.class("card"), Attribute("aria-labelledby", "jobs-heading")) {
            H.h2(.id("jobs-heading")) { "Dead jobs (\(deadJobs.count))" }
            if deadJobs.isEmpty {
                H.p(.class("muted")) { "None: background work is flowing." }
            } else {
                H.ul(.class("alerts")) {
                    for job in deadJobs {
                        let body = JobBody(job)
                        H.li {
                            H.strong { job.kind }
                            " after \(job.attempts) attempts"
                            if let requestId = body.requestId {
                                " · "
                                H.a(href: "/ops/requests/" + PageFormat.pathSegment(requestId)) { "request" }
                            }
                            if let error = job.lastError { H.p(.class("meta")) { error } }
                            H.form(action: "/ops/jobs/" + PageFormat.pathSegment(job.id) + "/retry") {
                                FormParts.csrf(chrome.csrfToken ?? "")
                                H.button(.type("submit"), .class("secondary")) { "Retry now" }
                            }
                        }
                    }
                }
            }
        }
    }
}
