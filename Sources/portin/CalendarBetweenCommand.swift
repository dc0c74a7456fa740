import ArgumentParser
import PortInCore

/// `portin calendar between DATE1 DATE2`: business days after DATE1 up to and including DATE2.
struct CalendarBetweenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between",
        abstract: "Print the business days after DATE1 up to and including DATE2 (negative when DATE2 is earlier)."
    )

    @Argument(help: "The start date, YYYY-MM-DD (not counted).")
    var date1: String

    @Argument(help: "The end date, YYYY-MM-DD (counted).")
    var date2: String

    @OptionGroup var carrier: CarrierHolidayOptions

    func validate() throws {
        _ = try CalendarInput.date(date1, argument: "date1")
        _ = try CalendarInput.date(date2, argument: "date2")
    }

    func run() throws {
        let start = try CalendarInput.date(date1, argument: "date1")
        let end = try CalendarInput.date(date2, argument: "date2")
        print(try carrier.calendar().businessDays(from: start, to: end))
    }
}
