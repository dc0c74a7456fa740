extension CivilDate {
    /// The `n`th (1-based) given ISO weekday of a month, e.g. the 3rd Monday (weekday 1) of January.
    static func nth(_ n: Int, weekday: Int, month: Int, year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let offset = (weekday - first.weekday + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    /// The last given ISO weekday of a month, e.g. the last Monday of May.
    static func last(weekday: Int, month: Int, year: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: daysIn(month: month, year: year))!
        let offset = (last.weekday - weekday + 7) % 7
        return last.adding(days: -offset)
    }

    /// Where a holiday falling on this date is observed: Saturday -> Friday, Sunday -> Monday.
    var observedForWeekend: CivilDate {
        switch weekday {
        case 6: return adding(days: -1)
        case 7: return adding(days: 1)
        default: return self
        }
    }
}
