import Testing
@testable import PortInCore

private func date(_ text: String) -> CivilDate { CivilDate(text)! }
private let calendar = BusinessCalendar.usFederal

/// (start, n, expected), each worked out by hand against the 2021/2022/2026 holiday lists.
private let additions: [(String, Int, String)] = [
    ("2026-03-04", 2, "2026-03-06"),    // Wed + 2 = Fri, no weekend
    ("2026-03-06", 1, "2026-03-09"),    // Fri + 1 = Mon
    ("2026-03-07", 1, "2026-03-09"),    // Sat + 1 = Mon
    ("2026-03-08", -1, "2026-03-06"),   // Sun - 1 = Fri
    ("2026-03-09", -1, "2026-03-06"),   // Mon - 1 = Fri
    ("2026-07-02", 1, "2026-07-06"),    // Thu + 1 skips observed Independence Day and the weekend
    ("2026-07-06", -3, "2026-06-30"),   // back over the same holiday
    ("2026-12-30", 3, "2027-01-05"),    // across the year boundary and New Year's Day
    ("2027-01-05", -3, "2026-12-30"),
    ("2026-11-25", 1, "2026-11-27"),    // over Thanksgiving
    ("2026-11-25", 2, "2026-11-30"),
    ("2021-12-30", 1, "2022-01-03"),    // New Year's observed on Fri 2021-12-31
    ("2022-01-03", -1, "2021-12-30"),
    ("2021-12-23", 1, "2021-12-27"),    // Christmas observed Fri 2021-12-24
    ("2026-01-02", 10, "2026-01-16"),   // two full weeks
    ("2026-01-02", 11, "2026-01-20"),   // then MLK Day (Jan 19)
    ("2025-12-31", 250, "2026-12-31"),  // the whole of 2026: 261 weekdays - 11 holidays
    ("2026-12-31", -250, "2025-12-31"),
    ("2026-07-03", 0, "2026-07-03"),    // n == 0 returns the date even on a holiday
    ("2026-03-07", 0, "2026-03-07"),    // ... and on a weekend
]

@Test(arguments: additions)
func addingBusinessDays(start: String, n: Int, expected: String) {
    #expect(calendar.adding(businessDays: n, to: date(start)) == date(expected))
}

/// (start, end, expected count of business days after start through end).
private let spans: [(String, String, Int)] = [
    ("2026-03-04", "2026-03-04", 0),     // same day
    ("2026-03-07", "2026-03-07", 0),     // same weekend day
    ("2026-03-07", "2026-03-08", 0),     // Sat -> Sun
    ("2026-03-06", "2026-03-09", 1),     // Fri -> Mon
    ("2026-03-09", "2026-03-06", -1),    // reversed: counts Fri (end) up to Mon (start, excluded)
    ("2026-03-07", "2026-03-06", -1),    // reversed from a Saturday
    ("2026-07-02", "2026-07-06", 1),     // across observed Independence Day
    ("2026-07-06", "2026-07-02", -1),
    ("2026-07-02", "2026-07-03", 0),     // ending on the holiday
    ("2026-12-30", "2027-01-05", 3),
    ("2025-12-31", "2026-12-31", 250),
    ("2026-12-31", "2025-12-31", -250),
    ("2021-12-30", "2022-01-03", 1),
    ("2026-11-25", "2026-11-30", 2),
]

@Test(arguments: spans)
func countingBusinessDays(start: String, end: String, expected: Int) {
    #expect(calendar.businessDays(from: date(start), to: date(end)) == expected)
}

private let neighbours: [(String, String, String)] = [
    // (date, next business day after it, previous business day before it)
    ("2026-07-02", "2026-07-06", "2026-07-01"),
    ("2026-07-06", "2026-07-07", "2026-07-02"),
    ("2026-07-04", "2026-07-06", "2026-07-02"),
    ("2021-12-30", "2022-01-03", "2021-12-29"),
    ("2022-01-03", "2022-01-04", "2021-12-30"),
    ("2026-03-10", "2026-03-11", "2026-03-09"),
]

@Test(arguments: neighbours)
func nextAndPreviousBusinessDay(day: String, next: String, previous: String) {
    #expect(calendar.nextBusinessDay(after: date(day)) == date(next))
    #expect(calendar.previousBusinessDay(before: date(day)) == date(previous))
}

@Test func arithmeticWorksBeyondTheSupportedYears() {
    // 2100-12-31 is New Year's Day 2101 observed; 2101 is extrapolated.
    #expect(calendar.adding(businessDays: 1, to: date("2100-12-30")) == date("2101-01-03"))
    #expect(calendar.adding(businessDays: -1, to: date("2101-01-03")) == date("2100-12-30"))
    #expect(calendar.businessDays(from: date("2100-12-30"), to: date("2101-01-03")) == 1)
    #expect(calendar.adding(businessDays: 1, to: date("1970-12-31")) == date("1971-01-04"))
}

@Test(arguments: [-30_000, -50, 0, 50, 20_000, 47_000])
func weekdayRankInvertsOnWeekdays(centre: Int) {
    // Weekdays.day(ofRank:) must undo rank() on every weekday, on both sides of the epoch.
    for day in (centre - 20)...(centre + 20) where !CivilDate(daysSinceEpoch: day).isWeekend {
        #expect(Weekdays.day(ofRank: Weekdays.rank(day)) == day)
        #expect(Weekdays.rank(day) == Weekdays.rank(day - 1) + 1)
    }
}
