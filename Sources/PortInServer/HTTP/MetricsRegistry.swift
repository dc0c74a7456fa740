import Foundation
import PortInCore
import Synchronization

/// Request counts and latency histograms by method, route pattern and status, rendered in the
/// Prometheus text format. Route patterns (not raw paths) keep the label set bounded.
final class MetricsRegistry: Sendable {
    struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets: [Int]
    }

    /// Upper bounds in seconds.
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let series = Mutex<[Key: Series]>([:])

    init() {}

    func record(method: String, route: String, status: Int, seconds: Double) {
        let key = Key(method: method, route: route, status: status)
        series.withLock { all in
            var entry = all[key] ?? Series(buckets: Array(repeating: 0, count: Self.bounds.count))
            entry.count += 1
            entry.sum += seconds
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { entry.buckets[index] += 1 }
            all[key] = entry
        }
    }

    /// The exposition text; `portRequests` adds the gauge of requests by status.
    func render(portRequests: [PortStatus: Int]) -> String {
        let snapshot = series.withLock { $0 }
        let keys = snapshot.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        var out = "# HELP portin_http_requests_total HTTP requests served.\n# TYPE portin_http_requests_total counter\n"
        for key in keys {
            out += "portin_http_requests_total{\(labels(key))} \(snapshot[key]!.count)\n"
        }
        out += "# HELP portin_http_request_duration_seconds Time to answer an HTTP request.\n"
        out += "# TYPE portin_http_request_duration_seconds histogram\n"
        for key in keys {
            let entry = snapshot[key]!
            for (index, bound) in Self.bounds.enumerated() {
                out += "portin_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(entry.buckets[index])\n"
            }
            out += "portin_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(entry.count)\n"
            out += "portin_http_request_duration_seconds_sum{\(labels(key))} \(entry.sum)\n"
            out += "portin_http_request_duration_seconds_count{\(labels(key))} \(entry.count)\n"
        }
        out += "# HELP portin_port_requests Port requests by status.\n# TYPE portin_port_requests gauge\n"
        for status in PortStatus.allCases {
            out += "portin_port_requests{status=\"\(status.rawValue)\"} \(portRequests[status] ?? 0)\n"
        }
        return out
    }

    private func labels(_ key: Key) -> String {
        "method=\"\(key.method)\",route=\"\(escape(key.route))\",status=\"\(key.status)\""
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
