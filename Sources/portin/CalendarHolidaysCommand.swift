import ArgumentParser
import PortInCore

/// `portin calendar holidays YEAR`: observed holidays, one `YYYY-MM-DD name` a line.
struct CalendarHolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List the holidays observed in a year (federal plus any --extra-holiday), sorted."
    )

    @Argument(help: "The year, 1971-2100.")
    var year: Int

    @OptionGroup var carrier: CarrierHolidayOptions

    func validate() throws {
        try CalendarInput.checkYear(year, argument: "year")
    }

    func run() throws {
        for holiday in try carrier.calendar().holidays(in: year) {
            print("\(holiday.date) \(holiday.name)")
        }
    }
}
