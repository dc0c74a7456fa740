import Foundation
import PortInCore
import PortInStore

/// The carrier dashboard's figures, computed from requests and their status changes (pure: the
/// page reads, this counts).
struct CarrierStats: Sendable {
    struct CarrierTiming: Sendable, Hashable {
        var carrier: String
        /// Median business days from submission to the carrier's FOC.
        var median: Double
        var samples: Int
    }

    var byStatus: [(status: PortStatus, count: Int)]
    var byReason: [(code: RejectionCode, count: Int)]
    var timings: [CarrierTiming]

    /// One status change of a request (from its `status_changed` event).
    struct Move: Sendable, Hashable {
        var requestId: String
        var to: PortStatus?
        var at: Date
    }

    /// `carriers`: the losing carrier's name per request id; `reasons`: each request's stored
    /// rejection reasons; `moves`: status changes of any requests, in any order. For each request the
    /// first FOC confirmation counts, measured from the latest submission before it.
    static func compute(counts: [PortStatus: Int], carriers: [String: String], reasons: [[Rejection]], moves: [Move],
                        calendar: BusinessCalendar) -> CarrierStats {
        var byStatus: [(status: PortStatus, count: Int)] = []
        for status in PortStatus.allCases {
            if let count = counts[status], count > 0 { byStatus.append((status: status, count: count)) }
        }
        var reasonCounts: [RejectionCode: Int] = [:]
        for list in reasons {
            for code in Set(list.map(\.code)) { reasonCounts[code, default: 0] += 1 }
        }
        let byReason: [(code: RejectionCode, count: Int)] = reasonCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .map { (code: $0.key, count: $0.value) }
        var days: [String: [Int]] = [:]
        for (requestId, events) in Dictionary(grouping: moves, by: \.requestId) {
            guard let carrier = carriers[requestId] else { continue }
            let ordered = events.sorted { $0.at < $1.at }
            guard let foc = ordered.first(where: { $0.to == .focConfirmed }),
                  let submitted = ordered.last(where: { $0.to == .submitted && $0.at <= foc.at })
            else { continue }
            days[carrier, default: []].append(calendar.businessDays(from: calendar.localDate(of: submitted.at), to: calendar.localDate(of: foc.at)))
        }
        let timings = days.compactMap { carrier, values in
            ChartMath.median(values).map { CarrierTiming(carrier: carrier, median: $0, samples: values.count) }
        }.sorted { $0.carrier < $1.carrier }
        return CarrierStats(byStatus: byStatus, byReason: byReason, timings: timings)
    }
}
