import Foundation

/// Where an LSR's receipt time falls relative to the carrier's daily window.
public enum LSRTiming: Sendable, Hashable {
    /// A business day, before the window opens: counts that day (the window has not opened yet,
    /// so the order is first in the day's queue, not late).
    case beforeWindow
    /// A business day, inside the window: counts that day.
    case inWindow
    /// A business day, at or after the cut-off: counts on the next business day.
    case afterCutoff
    /// A weekend or holiday: counts on the next business day.
    case nonBusinessDay
}

extension BusinessCalendar {
    /// The calendar date of `instant` in this carrier's time zone.
    public func localDate(of instant: Date) -> CivilDate {
        let parts = localCalendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// How an LSR received at `instant` sits against the window, in the carrier's local time.
    public func lsrTiming(for instant: Date) -> LSRTiming {
        let parts = localCalendar.dateComponents([.year, .month, .day, .hour], from: instant)
        let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        guard isBusinessDay(date) else { return .nonBusinessDay }
        // Whole-hour bounds, so the hour alone decides: 12:59:59.9 is in, 13:00:00 is out.
        let hour = parts.hour!
        if hour >= lsrCutoffHour { return .afterCutoff }
        return hour < lsrWindowStartHour ? .beforeWindow : .inWindow
    }

    /// The business day an LSR received at `instant` counts as received: that local day when it is
    /// a business day and the time is before the cut-off (including before the window opens, per
    /// "later counts next business day"), otherwise the next business day.
    public func receivedDay(for instant: Date) -> CivilDate {
        let date = localDate(of: instant)
        switch lsrTiming(for: instant) {
        case .beforeWindow, .inWindow: return date
        case .afterCutoff, .nonBusinessDay: return nextBusinessDay(after: date)
        }
    }

    private var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
