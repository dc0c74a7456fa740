import Foundation
import PortInCore
import PortInStore

/// The carrier dashboard: requests by status, rejection reasons by catalog code, and the median
/// business days from submission to FOC per losing carrier.
struct OpsCarriersPage: Sendable {
    var stats: CarrierStats
    /// True when more requests or status changes exist than were read.
    var truncated: Bool
    var chrome: PageChrome

    /// How much the dashboard reads at most (newest first).
    static let maxRequests = 5000
    static let maxStatusChanges = 20_000

    static func load(store: Store, calendar: BusinessCalendar, chrome: PageChrome) async throws -> OpsCarriersPage {
        var requests: [StoredPortRequest] = []
        var cursor: String?
        var truncated = false
        repeat {
            let page = try await store.portRequests.opsList(filter: PortRequestFilter(), page: PageRequest(limit: 200, cursor: cursor))
            requests += page.items
            cursor = page.nextCursor
            if requests.count >= maxRequests, cursor != nil { truncated = true; break }
        } while cursor != nil
        var changes: [Event] = []
        cursor = nil
        repeat {
            let page = try await store.events.opsList(type: "status_changed", page: PageRequest(limit: 200, cursor: cursor))
            changes += page.items
            cursor = page.nextCursor
            if changes.count >= maxStatusChanges, cursor != nil { truncated = true; break }
        } while cursor != nil
        let stats = CarrierStats.compute(
            counts: try await store.portRequests.statusCounts(),
            carriers: Dictionary(requests.map { ($0.id, $0.losingCarrier?.name ?? "Unknown") }, uniquingKeysWith: { a, _ in a }),
            reasons: requests.map(\.reasons), moves: changes.map { CarrierStats.Move(requestId: $0.requestId, to: $0.to, at: $0.at) },
            calendar: calendar)
        return OpsCarriersPage(stats: stats, truncated: truncated, chrome: chrome)
    }

    var charts: [BarChart] {
        let statusTotal = stats.byStatus.reduce(0) { $0 + $1.count }
        return [
            BarChart(id: "chart-status", title: "Requests by status",
                     summary: "\(statusTotal) requests: " + stats.byStatus.map { "\($0.count) \(PageFormat.status($0.status).lowercased())" }
                        .joined(separator: ", ") + ".",
                     bars: stats.byStatus.map { BarChart.Bar(label: PageFormat.status($0.status), value: Double($0.count), valueText: "\($0.count)") },
                     labelHeading: "Status", valueHeading: "Requests"),
            BarChart(id: "chart-reasons", title: "Rejection reasons by catalog code",
                     summary: stats.byReason.isEmpty ? "No rejections." : "Requests whose latest rejection carries each code: "
                        + stats.byReason.map { "\($0.code.rawValue) \($0.count)" }.joined(separator: ", ") + ".",
                     bars: stats.byReason.map { BarChart.Bar(label: $0.code.rawValue, value: Double($0.count), valueText: "\($0.count)") },
                     labelHeading: "Catalog code", valueHeading: "Requests"),
            BarChart(id: "chart-foc", title: "Median business days from submission to FOC, per losing carrier",
                     summary: stats.timings.isEmpty ? "No FOC yet." : stats.timings.map {
                         "\($0.carrier): median \(ChartMath.format($0.median)) business days over \($0.samples) requests"
                     }.joined(separator: "; ") + ".",
                     bars: stats.timings.map {
                         BarChart.Bar(label: $0.carrier, value: $0.median,
                                      valueText: ChartMath.format($0.median) + " days (\($0.samples) request\($0.samples == 1 ? "" : "s"))")
                     },
                     labelHeading: "Losing carrier", valueHeading: "Median business days"),
        ]
    }
}
