import Testing
@testable import PortInCore

private func date(_ text: String) -> CivilDate { CivilDate(text)! }

private let extras = [
    Holiday(date: date("2026-11-27"), name: "Day after Thanksgiving"),
    Holiday(date: date("2026-12-24"), name: "Christmas Eve"),
    Holiday(date: date("2026-12-26"), name: "Boxing Day"),         // a Saturday: no effect on counts
    Holiday(date: date("2026-12-25"), name: "Carrier Christmas"),  // same day as federal: counted once
]
private let carrier = BusinessCalendar(extraHolidays: extras)

@Test func extraHolidaysCloseTheCarrier() {
    #expect(carrier.isHoliday(date("2026-11-27")))
    #expect(!BusinessCalendar.usFederal.isHoliday(date("2026-11-27")))
    #expect(!carrier.isBusinessDay(date("2026-12-24")))
    #expect(carrier.isHoliday(date("2026-12-26")))
}

@Test func extraHolidaysAreListedWithTheFederalOnesButNotAsFederal() {
    let list = carrier.holidays(in: 2026)
    #expect(list.count == 15)
    #expect(list == list.sorted())
    #expect(list.contains(Holiday(date: date("2026-11-27"), name: "Day after Thanksgiving")))
    #expect(carrier.federalHolidays(in: 2026) == BusinessCalendar.usFederal.federalHolidays(in: 2026))
    #expect(carrier.holidays(in: 2025) == BusinessCalendar.usFederal.holidays(in: 2025))
}

/// (start, n, expected) with the carrier's extras.
private let carrierAdditions: [(String, Int, String)] = [
    ("2026-11-25", 1, "2026-11-30"),   // Thanksgiving then the carrier's Friday
    ("2026-12-23", 1, "2026-12-28"),   // Christmas Eve, Christmas, weekend
    ("2026-12-28", -1, "2026-12-23"),
    ("2026-12-22", 2, "2026-12-28"),
]

@Test(arguments: carrierAdditions)
func carrierHolidaysShiftArithmetic(start: String, n: Int, expected: String) {
    #expect(carrier.adding(businessDays: n, to: date(start)) == date(expected))
    #expect(carrier.businessDays(from: date(start), to: date(expected)) == n)
}

@Test func weekendAndDuplicateExtrasAreNotCountedTwice() {
    // Dec 24 (extra) and Dec 25 (federal + extra duplicate) closed; Dec 26-27 weekend.
    #expect(carrier.businessDays(from: date("2026-12-23"), to: date("2026-12-28")) == 1)
    #expect(carrier.businessDays(from: date("2025-12-31"), to: date("2026-12-31")) == 248)
}

@Test func calendarsCompareByTheirInputs() {
    let reordered = BusinessCalendar(extraHolidays: extras.reversed() + [extras[0]])
    #expect(reordered == carrier)
    #expect(reordered.hashValue == carrier.hashValue)
    #expect(carrier != BusinessCalendar.usFederal)
    #expect(BusinessCalendar() == BusinessCalendar.usFederal)
}

@Test func rulesExpandIntoDatedHolidays() {
    let fridays = HolidayRule.dayAfterThanksgiving.holidays(in: 2024...2026).map(\.date)
    #expect(fridays == [date("2024-11-29"), date("2025-11-28"), date("2026-11-27")])
    #expect(fridays.allSatisfy { $0.weekday == 5 })
    let eves = HolidayRule.christmasEve.holidays(in: 2022...2023).map(\.date)
    #expect(eves == [date("2022-12-24"), date("2023-12-24")])  // weekend dates stay put
    let observed = HolidayRule(name: "Founders", anchor: .fixed(month: 3, day: 1), observesWeekend: true)
    #expect(observed.holidays(in: 2026...2026).map(\.date) == [date("2026-03-02")])  // Sun -> Mon
    let leap = HolidayRule(name: "Leap", anchor: .fixed(month: 2, day: 29))
    #expect(leap.holidays(in: 2023...2024).map(\.date) == [date("2024-02-29")])
    let fifth = HolidayRule(name: "Fifth Friday", anchor: .nthWeekday(5, weekday: 5, month: 1))
    #expect(fifth.holidays(in: 2026...2027).map(\.date) == [date("2026-01-30"), date("2027-01-29")])
    let fifthFebruary = HolidayRule(name: "Rare", anchor: .nthWeekday(5, weekday: 5, month: 2))
    #expect(fifthFebruary.holidays(in: 2007...2009).map(\.date) == [date("2008-02-29")])  // none spills into March
    let lastFriday = HolidayRule(name: "Last Friday", anchor: .lastWeekday(weekday: 5, month: 2))
    #expect(lastFriday.holidays(in: 2026...2026).map(\.date) == [date("2026-02-27")])

    let ruled = BusinessCalendar(extraRules: [.dayAfterThanksgiving, .christmasEve])
    #expect(ruled.isHoliday(date("2030-11-29")))
    #expect(ruled.adding(businessDays: 1, to: date("2026-11-25")) == date("2026-11-30"))
}
