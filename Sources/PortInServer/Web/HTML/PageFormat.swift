import Foundation
import PortInCore
import PortInStore

/// How pages show dates, numbers and statuses. Times are shown in the porting calendar's zone
/// (US Eastern), the zone every port date is reckoned in.
enum PageFormat {
    static let calendar = BusinessCalendar.usFederal

    static func date(_ instant: Date) -> String { calendar.localDate(of: instant).description }

    /// `2027-03-01 10:05 ET`.
    static func dateTime(_ instant: Date) -> String {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) ET"
    }

    /// ISO 8601 for `<time datetime>`.
    static func machine(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }

    /// `+1 217 522 0142` for NANP numbers, E.164 otherwise.
    static func phone(_ e164: String) -> String {
        let digits = Array(e164.dropFirst())
        guard e164.hasPrefix("+1"), digits.count == 11 else { return e164 }
        return "+1 " + String(digits[1...3]) + " " + String(digits[4...6]) + " " + String(digits[7...10])
    }

    static func status(_ status: PortStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .carrierReview: "Partner carrier checking"
        case .pendingLosingCarrier: "Losing carrier validating"
        case .focConfirmed: "Port date confirmed"
        case .completed: "Completed"
        case .actionRequired: "Action required"
        case .cancelRequested: "Cancelling"
        case .cancelled: "Cancelled"
        case .expired: "Expired"
        }
    }

    static func numberStatus(_ status: RequestNumberStatus) -> String {
        switch status {
        case .pending: "Pending"
        case .porting: "Porting"
        case .active: "Active"
        case .rejected: "Rejected"
        case .cancelled: "Cancelled"
        }
    }

    static func documentKind(_ kind: DocumentKind) -> String {
        switch kind {
        case .loa: "Letter of authorization"
        case .invoice: "Invoice"
        case .csr: "Customer service record"
        case .other: "Other document"
        }
    }

    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) bytes" }
        if count < 1024 * 1024 { return "\(count / 1024) KB" }
        return String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    /// A path segment with everything but unreserved characters percent-encoded (`+` too).
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
