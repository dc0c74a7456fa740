import Foundation

/// Business days for porting intervals: Monday-Friday minus US federal holidays (observed) minus
/// the losing carrier's own holidays, plus the LSR receipt cut-off in the carrier's time zone.
///
/// Federal rules are exact for `supportedYears` (1971-2100, from the Uniform Monday Holiday Act
/// on). Outside that range the same rules are extrapolated rather than trapping, so date
/// arithmetic never crashes; before 1971 the result is not historically accurate.
public struct BusinessCalendar: Sendable {
    /// Years whose federal holidays follow the statutes exactly.
    public static let supportedYears: ClosedRange<Int> = USFederalHolidays.supportedYears

    /// US federal holidays only, Eastern time, LSR window 08:00-13:00.
    public static let usFederal = BusinessCalendar()

    /// The carrier's own holidays (observed dates), sorted and without duplicates.
    public let extraHolidays: [Holiday]
    /// The carrier's local time zone, used for the LSR cut-off.
    public let timeZone: TimeZone
    /// Hour (local) the LSR window opens.
    public let lsrWindowStartHour: Int
    /// Hour (local) from which an LSR counts on the next business day.
    public let lsrCutoffHour: Int

    /// Every extra holiday's day number, sorted, for `isHoliday`.
    let extraDays: [Int]
    /// Extra holidays that close an otherwise open weekday (not a weekend, not federal), sorted:
    /// the only ones that change business-day counts, so none is counted twice.
    let extraClosedDays: [Int]

    /// A calendar with the federal holidays plus `extraHolidays`, and the LSR window in `timeZone`.
    public init(extraHolidays: [Holiday] = [], timeZone: TimeZone = TimeZone(identifier: "America/New_York")!,
                lsrWindowStartHour: Int = 8, lsrCutoffHour: Int = 13) {
        precondition((0...23).contains(lsrWindowStartHour) && lsrWindowStartHour < lsrCutoffHour && lsrCutoffHour <= 24,
                     "LSR window must satisfy 0 <= start < cutoff <= 24")
        var unique: [Holiday] = []
        for holiday in extraHolidays.sorted() where unique.last != holiday { unique.append(holiday) }
        self.extraHolidays = unique
        self.timeZone = timeZone
        self.lsrWindowStartHour = lsrWindowStartHour
        self.lsrCutoffHour = lsrCutoffHour
        self.extraDays = unique.map(\.date.daysSinceEpoch).uniqueSorted()
        self.extraClosedDays = unique
            .filter { !$0.date.isWeekend && !USFederalHolidays.contains(day: $0.date.daysSinceEpoch) }
            .map(\.date.daysSinceEpoch).uniqueSorted()
    }

    /// Federal holidays observed in `year` (Saturday -> Friday, Sunday -> Monday), sorted by date.
    public func federalHolidays(in year: Int) -> [Holiday] {
        USFederalHolidays.observed(in: year)
    }

    /// Federal plus this carrier's holidays observed in `year`, sorted by date then name.
    public func holidays(in year: Int) -> [Holiday] {
        let extras = extraHolidays.filter { $0.date.year == year }
        guard !extras.isEmpty else { return federalHolidays(in: year) }
        return (federalHolidays(in: year) + extras).sorted()
    }

    /// Whether `date` is an observed federal holiday or one of this carrier's holidays.
    public func isHoliday(_ date: CivilDate) -> Bool {
        let day = date.daysSinceEpoch
        if USFederalHolidays.contains(day: day) { return true }
        let i = extraDays.lowerBound(of: day)
        return i < extraDays.count && extraDays[i] == day
    }

    /// Monday-Friday and not a holiday.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        !date.isWeekend && !isHoliday(date)
    }
}

extension BusinessCalendar: Hashable {
    // Equality over the defining inputs; the derived day tables follow from them.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.extraHolidays == rhs.extraHolidays && lhs.timeZone == rhs.timeZone
            && lhs.lsrWindowStartHour == rhs.lsrWindowStartHour && lhs.lsrCutoffHour == rhs.lsrCutoffHour
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(extraHolidays)
        hasher.combine(timeZone)
        hasher.combine(lsrWindowStartHour)
        hasher.combine(lsrCutoffHour)
    }
}
