import Foundation
import PortInCore

extension BusinessCalendar {
    /// The instant `n` whole business days after `instant`: the same local time of day `n` business
    /// days later. A wait that starts on a weekend or holiday starts at the next business day's
    /// beginning, so it too spans `n` whole business days.
    func instant(addingBusinessDays n: Int, to instant: Date) -> Date {
        let day = localDate(of: instant)
        guard isBusinessDay(day) else { return start(of: adding(businessDays: n, to: nextBusinessDay(after: day))) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Wall-clock time rather than a fixed offset from midnight, so a DST change in between moves nothing.
        let time = calendar.dateComponents([.hour, .minute, .second, .nanosecond], from: instant)
        let target = adding(businessDays: n, to: day)
        let parts = DateComponents(year: target.year, month: target.month, day: target.day, hour: time.hour, minute: time.minute,
                                   second: time.second, nanosecond: time.nanosecond)
        return calendar.date(from: parts) ?? start(of: target)
    }
}
