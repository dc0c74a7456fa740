extension BusinessCalendar {
    /// The date `n` business days after `date` (before it when `n` is negative); `date` itself when
    /// `n` is 0. Works from any date, business day or not: Saturday + 1 is the next business day.
    /// Cost grows with the number of holidays crossed, not with `n` in days.
    public func adding(businessDays n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return date }
        var current = date.daysSinceEpoch
        var remaining = n
        // Jump by weekdays, then make up for the holidays that jump crossed; repeat until a jump
        // crosses none (then it also ends on a business day).
        while remaining != 0 {
            let next = Weekdays.adding(remaining, to: current)
            remaining = remaining > 0
                ? closedWeekdays(from: current + 1, through: next)
                : -closedWeekdays(from: next, through: current - 1)
            current = next
        }
        return CivilDate(daysSinceEpoch: current)
    }

    /// The first business day after `date`.
    public func nextBusinessDay(after date: CivilDate) -> CivilDate {
        adding(businessDays: 1, to: date)
    }

    /// The last business day before `date`.
    public func previousBusinessDay(before date: CivilDate) -> CivilDate {
        adding(businessDays: -1, to: date)
    }

    /// Business days after `start` up to and including `end`; 0 when they are equal. When `end` is
    /// before `start` the count is mirrored: minus the business days from `end` (included) up to
    /// `start` (excluded). So `businessDays(from: d, to: adding(businessDays: n, to: d)) == n` for
    /// every `d` and `n`.
    public func businessDays(from start: CivilDate, to end: CivilDate) -> Int {
        let a = start.daysSinceEpoch, b = end.daysSinceEpoch
        if a <= b {
            return Weekdays.count(from: a + 1, through: b) - closedWeekdays(from: a + 1, through: b)
        }
        return -(Weekdays.count(from: b, through: a - 1) - closedWeekdays(from: b, through: a - 1))
    }

    /// Holidays (federal or extra) that fall on weekdays within `lo...hi`, each day counted once.
    func closedWeekdays(from lo: Int, through hi: Int) -> Int {
        guard lo <= hi else { return 0 }
        return USFederalHolidays.count(from: lo, through: hi)
            + extraClosedDays.lowerBound(of: hi + 1) - extraClosedDays.lowerBound(of: lo)
    }
}

/// Constant-time Monday-Friday arithmetic on day numbers (days since 1970-01-01).
enum Weekdays {
    /// 1970-01-05, the first Monday after the epoch.
    private static let mondayAnchor = 4

    /// A running count of weekdays: `rank(b) - rank(a)` is the number of weekdays in `a+1...b`.
    static func rank(_ day: Int) -> Int {
        let t = day - mondayAnchor
        let weeks = t >= 0 ? t / 7 : (t - 6) / 7
        let r = t - weeks * 7
        return weeks * 5 + min(r + 1, 5)
    }

    /// The weekday whose `rank` is `value` (inverse of `rank` on weekdays).
    static func day(ofRank value: Int) -> Int {
        let t = value - 1
        let weeks = t >= 0 ? t / 5 : (t - 4) / 5
        return mondayAnchor + weeks * 7 + (t - weeks * 5)
    }

    /// Weekdays in `lo...hi`.
    static func count(from lo: Int, through hi: Int) -> Int {
        lo <= hi ? rank(hi) - rank(lo - 1) : 0
    }

    /// The weekday `n` weekdays after `day` (before it when `n` < 0); `n` must not be 0.
    static func adding(_ n: Int, to day: Int) -> Int {
        n > 0 ? self.day(ofRank: rank(day) + n) : self.day(ofRank: rank(day - 1) + n + 1)
    }
}
