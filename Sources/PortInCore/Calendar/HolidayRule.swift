import Foundation

/// A yearly rule for a carrier's own holiday, expanded into dated `Holiday`s for a calendar.
public struct HolidayRule: Sendable, Hashable {
    /// How the nominal date is found each year.
    public enum Anchor: Sendable, Hashable {
        /// A fixed month and day, e.g. December 24.
        case fixed(month: Int, day: Int)
        /// The `n`th ISO weekday (1 = Monday ... 7 = Sunday) of a month, e.g. 4th Thursday of November.
        case nthWeekday(Int, weekday: Int, month: Int)
        /// The last ISO weekday of a month.
        case lastWeekday(weekday: Int, month: Int)
    }

    public let name: String
    public let anchor: Anchor
    /// Days added after finding `anchor`, e.g. 1 for "the day after Thanksgiving".
    public let offsetDays: Int
    /// Shift a Saturday to Friday and a Sunday to Monday, as federal holidays are.
    public let observesWeekend: Bool

    public init(name: String, anchor: Anchor, offsetDays: Int = 0, observesWeekend: Bool = false) {
        switch anchor {
        case let .fixed(month, day):
            precondition((1...12).contains(month) && (1...31).contains(day), "fixed holiday needs month 1-12, day 1-31")
        case let .nthWeekday(n, weekday, month):
            precondition((1...5).contains(n) && (1...7).contains(weekday) && (1...12).contains(month),
                          "nthWeekday needs n 1-5, weekday 1-7, month 1-12")
        case let .lastWeekday(weekday, month):
            precondition((1...7).contains(weekday) && (1...12).contains(month), "lastWeekday needs weekday 1-7, month 1-12")
        }
        self.name = name
        self.anchor = anchor
        self.offsetDays = offsetDays
        self.observesWeekend = observesWeekend
    }

    /// Friday after Thanksgiving, a common carrier holiday.
    public static let dayAfterThanksgiving = HolidayRule(
        name: "Day after Thanksgiving", anchor: .nthWeekday(4, weekday: 4, month: 11), offsetDays: 1)
    /// December 24; on a weekend it is simply not a business day anyway, so no observance shift.
    public static let christmasEve = HolidayRule(name: "Christmas Eve", anchor: .fixed(month: 12, day: 24))

    /// The holiday in each of `years` (skipped in a year where the date does not exist, e.g. Feb 29 or a 5th Monday).
    public func holidays(in years: ClosedRange<Int>) -> [Holiday] {
        years.compactMap { year in
            let nominal: CivilDate?
            switch anchor {
            case let .fixed(month, day): nominal = CivilDate(year: year, month: month, day: day)
            case let .nthWeekday(n, weekday, month):
                // A 5th weekday that does not exist this month would spill into the next: skip it.
                let date = CivilDate.nth(n, weekday: weekday, month: month, year: year)
                nominal = date.month == month ? date : nil
            case let .lastWeekday(weekday, month): nominal = .last(weekday: weekday, month: month, year: year)
            }
            guard let shifted = nominal?.adding(days: offsetDays) else { return nil }
            return Holiday(date: observesWeekend ? shifted.observedForWeekend : shifted, name: name)
        }
    }
}

extension BusinessCalendar {
    /// A calendar whose extra holidays are `rules` expanded over `years` (default: the supported years).
    public init(extraRules: [HolidayRule], years: ClosedRange<Int> = BusinessCalendar.supportedYears,
                timeZone: TimeZone = TimeZone(identifier: "America/New_York")!,
                lsrWindowStartHour: Int = 8, lsrCutoffHour: Int = 13) {
        self.init(extraHolidays: extraRules.flatMap { $0.holidays(in: years) }, timeZone: timeZone,
                  lsrWindowStartHour: lsrWindowStartHour, lsrCutoffHour: lsrCutoffHour)
    }
}
