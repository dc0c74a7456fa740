import Foundation
import PortInCore

/// UTC renderings of an instant, computed by hand so output never depends on locale or time zone.
struct UTCTimestamp: Sendable, Equatable {
    let date: CivilDate
    let hour: Int
    let minute: Int
    let second: Int

    init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        date = CivilDate(daysSinceEpoch: days)
        hour = rest / 3600
        minute = rest / 60 % 60
        second = rest % 60
    }

    /// ISO 8601, e.g. `2026-11-30T06:35:02Z`.
    var iso8601: String { "\(date.description)T\(timeOfDay)Z" }

    /// `06:35:02`.
    var timeOfDay: String { "\(pad(hour)):\(pad(minute)):\(pad(second))" }

    /// A PDF date string (§7.9.4), e.g. `D:20261130063502Z`.
    var pdfDate: String {
        let year = String(date.year)
        return "D:\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)\(pad(date.month))\(pad(date.day))"
            + "\(pad(hour))\(pad(minute))\(pad(second))Z"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
