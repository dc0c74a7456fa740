import Foundation
import PortInCore
import PortInStore

/// The customer's requests grouped by status, each with what happens next and its dates.
struct DashboardPage: Sendable {
    struct Item: Sendable {
        var id: String
        var pon: String
        var status: PortStatus
        var nextAction: String
        var numbers: String
        var carrier: String?
        var dates: [(label: String, value: String)]
        var needsAction: Bool
    }

    struct Group: Sendable {
        var status: PortStatus
        var items: [Item]
    }

    static let shown = 200
    /// Where the customer's attention goes first: requests waiting on them, then in lifecycle order.
    static let order: [PortStatus] = [.actionRequired, .draft, .submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed,
                                      .cancelRequested, .completed, .cancelled, .expired]

    var account: Account
    var groups: [Group]
    var total: Int
    /// More requests exist than are shown.
    var truncated: Bool
    var chrome: PageChrome

    var counts: [(status: PortStatus, count: Int)] { groups.map { (status: $0.status, count: $0.items.count) } }

    static func load(store: Store, session: CustomerSession) async throws -> DashboardPage {
        let page = try await store.reads.portRequests.list(accountId: session.account.id, filter: PortRequestFilter(),
                                                           page: PageRequest(limit: shown))
        let items = page.items.map(item)
        let groups = order.compactMap { status -> Group? in
            let matching = items.filter { $0.status == status }
            return matching.isEmpty ? nil : Group(status: status, items: matching)
        }
        return DashboardPage(account: session.account, groups: groups, total: items.count, truncated: page.nextCursor != nil,
                             chrome: PageChrome(title: "Dashboard", user: session.user, csrfToken: session.session.csrfToken, current: "/app"))
    }

    static func item(_ request: StoredPortRequest) -> Item {
        let numbers = request.numbers.map(\.e164)
        var summary = numbers.first.map(PageFormat.phone) ?? "No numbers"
        if numbers.count > 1 { summary += " and \(numbers.count - 1) more" }
        var dates: [(label: String, value: String)] = [(label: "Opened", value: PageFormat.date(request.createdAt))]
        if let submitted = request.submittedAt { dates.append((label: "Submitted", value: PageFormat.date(submitted))) }
        if let foc = request.focDate { dates.append((label: "Port date", value: foc.description)) }
        if let completed = request.completedAt { dates.append((label: "Completed", value: PageFormat.date(completed))) }
        return Item(id: request.id, pon: request.pon, status: request.status, nextAction: nextAction(request), numbers: summary,
                    carrier: request.losingCarrier?.name, dates: dates, needsAction: request.status == .actionRequired || request.status == .draft)
    }

    /// One line saying what happens next and who acts.
    static func nextAction(_ request: StoredPortRequest) -> String {
        switch request.status {
        case .draft:
            return "Complete the details and submit"
        case .actionRequired:
            let count = request.reasons.count
            return count == 0 ? "Fix the request and resubmit" : "Fix \(count) problem\(count == 1 ? "" : "s") and resubmit"
        case .submitted:
            return "Nothing to do: we are sending it to the carrier"
        case .carrierReview:
            return "Nothing to do: the partner carrier is checking it"
        case .pendingLosingCarrier:
            return "Waiting for the losing carrier"
        case .focConfirmed:
            return request.focDate.map { "Port date \($0)" } ?? "Port date confirmed"
        case .completed:
            return request.completedAt.map { "Ported on \(PageFormat.date($0))" } ?? "Ported"
        case .cancelRequested:
            return "Cancelling: waiting for the carrier to confirm"
        case .cancelled:
            return "Cancelled"
        case .expired:
            return "Expired: open a new request for these numbers"
        }
    }
}
