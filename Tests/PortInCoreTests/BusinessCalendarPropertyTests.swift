import Testing
@testable import PortInCore

/// SplitMix64: a tiny seeded generator so failures reproduce.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let calendars: [BusinessCalendar] = [
    .usFederal,
    BusinessCalendar(extraRules: [.dayAfterThanksgiving, .christmasEve]),
]

private let firstDay = CivilDate(year: 1971, month: 1, day: 1)!.daysSinceEpoch
private let lastDay = CivilDate(year: 2100, month: 12, day: 31)!.daysSinceEpoch

/// The obvious day-by-day walk, as an independent oracle for the jumping implementation.
private func walk(_ calendar: BusinessCalendar, _ n: Int, from start: CivilDate) -> CivilDate {
    var date = start, left = abs(n)
    while left > 0 {
        date = date.adding(days: n > 0 ? 1 : -1)
        if calendar.isBusinessDay(date) { left -= 1 }
    }
    return date
}

@Test(arguments: 0..<calendars.count)
func addingThenCountingReturnsN(index: Int) {
    let calendar = calendars[index]
    var rng = SeededGenerator(state: 20_260_706 + UInt64(index))
    for _ in 0..<3_000 {
        let start = CivilDate(daysSinceEpoch: Int.random(in: firstDay...lastDay, using: &rng))
        let n = Int.random(in: -2_000...2_000, using: &rng)
        let end = calendar.adding(businessDays: n, to: start)
        #expect(calendar.businessDays(from: start, to: end) == n, "start \(start) n \(n) end \(end)")
        if n != 0 { #expect(calendar.isBusinessDay(end), "start \(start) n \(n) end \(end)") }
    }
}

@Test(arguments: 0..<calendars.count)
func jumpsAgreeWithADayByDayWalk(index: Int) {
    let calendar = calendars[index]
    var rng = SeededGenerator(state: 1_971 + UInt64(index))
    for _ in 0..<1_500 {
        let start = CivilDate(daysSinceEpoch: Int.random(in: firstDay...lastDay, using: &rng))
        let n = Int.random(in: -40...40, using: &rng)
        #expect(calendar.adding(businessDays: n, to: start) == walk(calendar, n, from: start), "start \(start) n \(n)")
    }
}

@Test(arguments: 0..<calendars.count)
func countsAgreeWithADayByDayCount(index: Int) {
    let calendar = calendars[index]
    var rng = SeededGenerator(state: 2_100 + UInt64(index))
    for _ in 0..<1_500 {
        let start = CivilDate(daysSinceEpoch: Int.random(in: firstDay...lastDay, using: &rng))
        let end = start.adding(days: Int.random(in: -60...60, using: &rng))
        let naive = start <= end
            ? (start.daysSinceEpoch + 1..<end.daysSinceEpoch + 1)
                .count { calendar.isBusinessDay(CivilDate(daysSinceEpoch: $0)) }
            : -(end.daysSinceEpoch..<start.daysSinceEpoch).count { calendar.isBusinessDay(CivilDate(daysSinceEpoch: $0)) }
        #expect(calendar.businessDays(from: start, to: end) == naive, "start \(start) end \(end)")
    }
}

@Test func propertyHoldsAcrossTheEdgesOfTheTable() {
    // Ranges straddling 1971-01-01 and 2100-12-31 mix table look-ups with computed years.
    let calendar = BusinessCalendar.usFederal
    for anchor in ["1970-12-01", "2100-12-01"] {
        let start = CivilDate(anchor)!
        for n in -80...80 {
            #expect(calendar.adding(businessDays: n, to: start) == walk(calendar, n, from: start), "\(anchor) \(n)")
        }
    }
}
