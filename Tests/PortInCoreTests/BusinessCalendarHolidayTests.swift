import Testing
@testable import PortInCore

private func date(_ text: String) -> CivilDate { CivilDate(text)! }
private let calendar = BusinessCalendar.usFederal

private let mlk = "Birthday of Martin Luther King, Jr."
private let juneteenth = "Juneteenth National Independence Day"

/// Whole observed years as published by OPM, including both year-boundary cases.
private let fullYears: [(Int, [(String, String)])] = [
    (2021, [("2021-01-01", "New Year's Day"), ("2021-01-18", mlk), ("2021-02-15", "Washington's Birthday"),
            ("2021-05-31", "Memorial Day"), ("2021-06-18", juneteenth), ("2021-07-05", "Independence Day"),
            ("2021-09-06", "Labor Day"), ("2021-10-11", "Columbus Day"), ("2021-11-11", "Veterans Day"),
            ("2021-11-25", "Thanksgiving Day"), ("2021-12-24", "Christmas Day"), ("2021-12-31", "New Year's Day")]),
    (2022, [("2022-01-17", mlk), ("2022-02-21", "Washington's Birthday"), ("2022-05-30", "Memorial Day"),
            ("2022-06-20", juneteenth), ("2022-07-04", "Independence Day"), ("2022-09-05", "Labor Day"),
            ("2022-10-10", "Columbus Day"), ("2022-11-11", "Veterans Day"), ("2022-11-24", "Thanksgiving Day"),
            ("2022-12-26", "Christmas Day")]),
    (2026, [("2026-01-01", "New Year's Day"), ("2026-01-19", mlk), ("2026-02-16", "Washington's Birthday"),
            ("2026-05-25", "Memorial Day"), ("2026-06-19", juneteenth), ("2026-07-03", "Independence Day"),
            ("2026-09-07", "Labor Day"), ("2026-10-12", "Columbus Day"), ("2026-11-11", "Veterans Day"),
            ("2026-11-26", "Thanksgiving Day"), ("2026-12-25", "Christmas Day")]),
    (1975, [("1975-01-01", "New Year's Day"), ("1975-02-17", "Washington's Birthday"), ("1975-05-26", "Memorial Day"),
            ("1975-07-04", "Independence Day"), ("1975-09-01", "Labor Day"), ("1975-10-13", "Columbus Day"),
            ("1975-10-27", "Veterans Day"), ("1975-11-27", "Thanksgiving Day"), ("1975-12-25", "Christmas Day")]),
]

@Test(arguments: fullYears)
func federalHolidaysMatchTheWholePublishedYear(year: Int, expected: [(String, String)]) {
    let got = calendar.federalHolidays(in: year).map { ($0.date.description, $0.name) }
    #expect(got.map(\.0) == expected.map(\.0))
    #expect(got.map(\.1) == expected.map(\.1))
    #expect(calendar.holidays(in: year) == calendar.federalHolidays(in: year))
}

/// One rule per row: (observed date, name), including every weekend and statute-change edge.
private let singleRules: [(String, String)] = [
    ("2026-07-03", "Independence Day"),      // Sat Jul 4 -> Fri
    ("2021-07-05", "Independence Day"),      // Sun Jul 4 -> Mon
    ("2022-12-26", "Christmas Day"),         // Sun Dec 25 -> Mon
    ("2021-12-24", "Christmas Day"),         // Sat Dec 25 -> Fri
    ("2021-12-31", "New Year's Day"),        // Sat 2022-01-01 -> previous year
    ("2010-12-31", "New Year's Day"),        // Sat 2011-01-01
    ("2027-12-31", "New Year's Day"),        // Sat 2028-01-01
    ("2100-12-31", "New Year's Day"),        // Sat 2101-01-01, last supported year
    ("2023-01-02", "New Year's Day"),        // Sun Jan 1 -> Mon
    ("1986-01-20", mlk),                     // first MLK Day
    ("2024-01-15", mlk),
    ("1971-02-15", "Washington's Birthday"), // first under the Monday rule
    ("2024-05-27", "Memorial Day"),
    ("1971-05-31", "Memorial Day"),
    ("2021-06-18", juneteenth),              // first, Sat -> Fri
    ("2023-06-19", juneteenth),
    ("2024-09-02", "Labor Day"),
    ("2024-10-14", "Columbus Day"),
    ("1971-10-25", "Veterans Day"),          // 4th Monday of October, 1971-1977
    ("1977-10-24", "Veterans Day"),
    ("1978-11-10", "Veterans Day"),          // back to Nov 11 (a Saturday) from 1978
    ("2023-11-10", "Veterans Day"),          // Sat -> Fri
    ("2024-11-28", "Thanksgiving Day"),
    ("2020-11-26", "Thanksgiving Day"),
    ("2020-07-03", "Independence Day"),
]

@Test(arguments: singleRules)
func eachRuleLandsOnItsObservedDate(observed: String, name: String) {
    let day = date(observed)
    #expect(calendar.federalHolidays(in: day.year).contains(Holiday(date: day, name: name)))
    #expect(calendar.isHoliday(day))
    #expect(!calendar.isBusinessDay(day))
}

/// Dates that are not holidays although a rule once or nominally pointed there.
private let notHolidays: [String] = [
    "2022-01-01",  // Saturday New Year's: observed in 2021, nothing on the day itself
    "2026-07-04", "2021-07-04", "2022-12-25",  // weekend nominal dates
    "2020-06-19",  // Juneteenth before 2021
    "1985-01-21",  // 3rd Monday of January before MLK Day existed
    "1975-11-11",  // Veterans Day was in October then
    "1978-10-23",  // ... and no longer in 1978
    "2026-11-27",  // day after Thanksgiving is only a carrier holiday
    "2026-12-24",
]

@Test(arguments: notHolidays)
func nonHolidaysAreNotHolidays(text: String) {
    #expect(!calendar.isHoliday(date(text)))
}

@Test func statuteChangesShowInTheYearlyCounts() {
    #expect(calendar.federalHolidays(in: 1985).count == 9)
    #expect(calendar.federalHolidays(in: 1986).count == 10)
    #expect(calendar.federalHolidays(in: 2020).count == 10)
    #expect(calendar.federalHolidays(in: 2020).allSatisfy { $0.name != juneteenth })
    #expect(calendar.federalHolidays(in: 2026).count == 11)
    // The Saturday New Year's of 2022 moved to 2021: 12 observed in 2021, 10 in 2022.
    #expect(calendar.federalHolidays(in: 2021).count == 12)
    #expect(calendar.federalHolidays(in: 2022).count == 10)
}

@Test(arguments: Array(BusinessCalendar.supportedYears))
func everySupportedYearIsSortedOnWeekdaysWithinTheYear(year: Int) {
    let list = calendar.federalHolidays(in: year)
    #expect(list == list.sorted())
    #expect(list.allSatisfy { $0.date.year == year && !$0.date.isWeekend })
    // Apart from New Year's Day (which can appear twice: Jan 1 and Dec 31), each holiday once a year.
    let others = list.map(\.name).filter { $0 != "New Year's Day" }
    #expect(Set(others).count == others.count)
    #expect(others.count == 8 + (year >= 1986 ? 1 : 0) + (year >= 2021 ? 1 : 0))
    // This year's Jan 1 is observed exactly once: Dec 31 before, Jan 1, or Jan 2 (from a Sunday).
    let candidates = ["\(year - 1)-12-31", "\(year)-01-01", "\(year)-01-02"].map(date)
    let newYears = (year - 1...year).flatMap(calendar.federalHolidays(in:))
        .filter { $0.name == "New Year's Day" && candidates.contains($0.date) }
    #expect(newYears.count == 1)
}

@Test func yearsOutsideTheStatutesExtrapolateTheRulesInsteadOfTrapping() {
    // Documented: outside 1971-2100 the same rules are computed (not historically exact before 1971).
    let y2101 = calendar.federalHolidays(in: 2101)
    #expect(y2101.first == Holiday(date: date("2101-01-17"), name: mlk))  // Jan 1 2101 went to 2100
    #expect(y2101.contains(Holiday(date: date("2101-07-04"), name: "Independence Day")))
    #expect(y2101.contains(Holiday(date: date("2101-12-26"), name: "Christmas Day")))
    #expect(calendar.isHoliday(date("2101-11-24")))
    #expect(calendar.isHoliday(date("2150-07-03")))  // Saturday Jul 4 observed Friday, as today
    #expect(!calendar.isHoliday(date("2150-07-04")))
    let y1970 = calendar.federalHolidays(in: 1970)
    #expect(y1970.contains(Holiday(date: date("1970-02-16"), name: "Washington's Birthday")))
    #expect(y1970.contains(Holiday(date: date("1970-11-11"), name: "Veterans Day")))
    #expect(y1970.count == 9)
}
