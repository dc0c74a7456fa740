import Foundation
import PortInCore
import PortInStore

/// The porting team's queue: requests by status (or the results of a search), each with its age in
/// business days and why it is overdue; beside it the open alerts and the dead jobs.
struct OpsQueuePage: Sendable {
    struct Row: Sendable {
        var request: StoredPortRequest
        var accountName: String
        /// When the request entered its current status, and the business days since.
        var enteredStatus: Date
        var ageBusinessDays: Int
        var overdue: [String]
    }

    struct Alert: Sendable {
        var event: Event
        var alert: OpsAlertPayload?
    }

    /// `nil`: every status.
    var status: PortStatus?
    var query: String
    /// What the search box matched, said in words (nil: no search).
    var searchSummary: String?
    var rows: [Row]
    var nextCursor: String?
    var counts: [PortStatus: Int]
    var alerts: [Alert]
    var deadJobs: [Job]
    var notice: RequestPage.Notice?
    var chrome: PageChrome

    static let pageSize = 25
    /// The statuses the tabs offer, in lifecycle order.
    static let tabs: [PortStatus] = [.submitted, .carrierReview, .pendingLosingCarrier, .focConfirmed, .actionRequired, .cancelRequested,
                                     .draft, .completed, .cancelled, .expired]

    /// Loads one page of the queue; with a `query`, the search results instead.
    static func load(store: Store, calendar: BusinessCalendar, now: Date, status: PortStatus?, cursor: String?, query: String,
                     chrome: PageChrome) async throws -> OpsQueuePage {
        let requests: [StoredPortRequest]
        var next: String?
        var summary: String?
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            // Newest first, in one status or all.
            if let status {
                let page = try await store.portRequests.opsList(filter: PortRequestFilter(status: status),
                                                                page: PageRequest(limit: pageSize, cursor: cursor))
                requests = page.items
                next = page.nextCursor
            } else {
                let page = try await store.portRequests.opsList(filter: PortRequestFilter(), page: PageRequest(limit: pageSize, cursor: cursor))
                requests = page.items
                next = page.nextCursor
            }
        } else {
            let found = try await OpsSearch.run(trimmed, store: store, limit: pageSize)
            requests = found.requests
            summary = found.summary
        }
        var names: [String: String] = [:]
        var rows: [Row] = []
        for request in requests {
            if names[request.accountId] == nil {
                names[request.accountId] = try await store.accounts.find(id: request.accountId)?.name ?? request.accountId
            }
            let events = try await store.events.list(requestId: request.id, accountId: request.accountId)
            rows.append(row(request, accountName: names[request.accountId] ?? "", events: events, now: now, calendar: calendar))
        }
        let alertPage = try await store.events.opsList(type: Watchdogs.alertEventType, page: PageRequest(limit: 10))
        let alerts = alertPage.items.map { event in
            Alert(event: event, alert: event.payload.flatMap { try? JSONDecoder().decode(OpsAlertPayload.self, from: $0) })
        }
        return OpsQueuePage(status: status, query: trimmed, searchSummary: summary, rows: rows, nextCursor: next,
                            counts: try await store.portRequests.statusCounts(), alerts: alerts,
                            deadJobs: try await store.jobs.list(status: .dead, limit: 20), notice: nil, chrome: chrome)
    }

    static func row(_ request: StoredPortRequest, accountName: String, events: [Event], now: Date, calendar: BusinessCalendar) -> Row {
        let entered = OpsQueueRules.enteredStatus(request, events: events)
        return Row(request: request, accountName: accountName, enteredStatus: entered,
                   ageBusinessDays: OpsQueueRules.businessDays(since: entered, now: now, calendar: calendar),
                   overdue: OpsQueueRules.overdue(request, events: events, now: now, calendar: calendar))
    }
}
