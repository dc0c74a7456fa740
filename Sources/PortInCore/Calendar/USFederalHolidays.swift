/// US federal holidays per 5 U.S.C. 6103, as amended by the Uniform Monday Holiday Act (in force
/// from 1971), the MLK Day act (from 1986), the 1975 act returning Veterans Day to November 11
/// (from 1978) and the Juneteenth act (from 2021). Inauguration Day (DC area only) is not included.
enum USFederalHolidays {
    /// Years for which the statutory rules are encoded exactly; other years extrapolate them.
    static let supportedYears = 1971...2100

    /// The holidays whose nominal (statutory) date falls in `year`, before weekend observance.
    static func nominal(in year: Int) -> [Holiday] {
        var list: [Holiday] = []
        func add(_ name: String, _ date: CivilDate) { list.append(Holiday(date: date, name: name)) }
        add("New Year's Day", CivilDate(year: year, month: 1, day: 1)!)
        if year >= 1986 {
            add("Birthday of Martin Luther King, Jr.", .nth(3, weekday: 1, month: 1, year: year))
        }
        add("Washington's Birthday", .nth(3, weekday: 1, month: 2, year: year))
        add("Memorial Day", .last(weekday: 1, month: 5, year: year))
        if year >= 2021 {
            add("Juneteenth National Independence Day", CivilDate(year: year, month: 6, day: 19)!)
        }
        add("Independence Day", CivilDate(year: year, month: 7, day: 4)!)
        add("Labor Day", .nth(1, weekday: 1, month: 9, year: year))
        add("Columbus Day", .nth(2, weekday: 1, month: 10, year: year))
        if (1971...1977).contains(year) {
            // The Uniform Monday Holiday Act moved it to the 4th Monday of October until Pub. L. 94-97.
            add("Veterans Day", .nth(4, weekday: 1, month: 10, year: year))
        } else {
            add("Veterans Day", CivilDate(year: year, month: 11, day: 11)!)
        }
        add("Thanksgiving Day", .nth(4, weekday: 4, month: 11, year: year))
        add("Christmas Day", CivilDate(year: year, month: 12, day: 25)!)
        return list
    }

    /// Holidays whose *observed* date falls in `year`, sorted. Next year's New Year's Day lands
    /// here when Jan 1 is a Saturday (observed Dec 31), and then this year's Jan 1 list lacks it.
    static func observed(in year: Int) -> [Holiday] {
        if supportedYears.contains(year) { return table[year - supportedYears.lowerBound] }
        return computeObserved(in: year)
    }

    static func computeObserved(in year: Int) -> [Holiday] {
        (nominal(in: year) + nominal(in: year + 1))
            .map { Holiday(date: $0.date.observedForWeekend, name: $0.name) }
            .filter { $0.date.year == year }
            .sorted()
    }

    /// Observed lists for every supported year, built once (a `static let` is initialised lazily
    /// and thread-safely, and the value is immutable, so sharing it is safe).
    static let table: [[Holiday]] = supportedYears.map(computeObserved(in:))

    /// Observed dates of the supported years as sorted days since the epoch, for binary search.
    static let tableDays: [Int] = table.joined().map(\.date.daysSinceEpoch).uniqueSorted()

    /// First and last day covered by `tableDays`.
    static let tableRange: ClosedRange<Int> =
        CivilDate(year: supportedYears.lowerBound, month: 1, day: 1)!.daysSinceEpoch
        ... CivilDate(year: supportedYears.upperBound, month: 12, day: 31)!.daysSinceEpoch

    /// Whether `day` (days since the epoch) is an observed federal holiday.
    static func contains(day: Int) -> Bool {
        if tableRange.contains(day) {
            let i = tableDays.lowerBound(of: day)
            return i < tableDays.count && tableDays[i] == day
        }
        let date = CivilDate(daysSinceEpoch: day)
        return computeObserved(in: date.year).contains { $0.date == date }
    }

    /// How many observed federal holidays fall in `lo...hi` (days since the epoch). Observed dates
    /// are always weekdays, so this is also the count of weekdays lost to them.
    static func count(from lo: Int, through hi: Int) -> Int {
        guard lo <= hi else { return 0 }
        var total = 0
        let a = max(lo, tableRange.lowerBound), b = min(hi, tableRange.upperBound)
        if a <= b {
            total += tableDays.lowerBound(of: b + 1) - tableDays.lowerBound(of: a)
        }
        // Outside the table, compute year by year: slower, but only reached for extrapolated years.
        for (a, b) in [(lo, min(hi, tableRange.lowerBound - 1)), (max(lo, tableRange.upperBound + 1), hi)] where a <= b {
            let firstYear = CivilDate(daysSinceEpoch: a).year
            let lastYear = CivilDate(daysSinceEpoch: b).year
            for year in firstYear...lastYear {
                total += computeObserved(in: year).count { (a...b).contains($0.date.daysSinceEpoch) }
            }
        }
        return total
    }
}

extension Array where Element == Int {
    /// Index of the first element >= `value` in a sorted array (its count when there is none).
    func lowerBound(of value: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func uniqueSorted() -> [Int] {
        var out: [Int] = []
        for value in sorted() where out.last != value { out.append(value) }
        return out
    }
}
