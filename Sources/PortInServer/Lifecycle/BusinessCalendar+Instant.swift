import Foundation
import PortInCore

extension BusinessCalendar {
    /// The instant `day` begins in this calendar's time zone (when day-scheduled jobs fall due).
    func start(of day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
    }
}
