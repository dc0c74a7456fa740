import ArgumentParser
import PortInCore

/// `--extra-holiday`, shared by the calendar subcommands: the losing carrier's own closed days.
struct CarrierHolidayOptions: ParsableArguments {
    @Option(name: .customLong("extra-holiday"),
            help: ArgumentHelp("A carrier holiday as YYYY-MM-DD or YYYY-MM-DD=Name (repeatable).",
                               valueName: "date"))
    var extraHolidays: [String] = []

    func validate() throws {
        _ = try holidays()
    }

    /// The parsed holidays; throws naming the option and the expected form.
    func holidays() throws -> [Holiday] {
        try extraHolidays.map { text in
            let parts = text.split(separator: "=", maxSplits: 1)
            let datePart = parts.first.map(String.init) ?? ""
            guard let date = CivilDate(datePart) else {
                throw ValidationError("--extra-holiday must be a date as YYYY-MM-DD or YYYY-MM-DD=Name; got '\(text)'.")
            }
            let name = parts.count == 2 ? String(parts[1]) : "Carrier holiday"
            return Holiday(date: date, name: name)
        }
    }

    func calendar() throws -> BusinessCalendar {
        BusinessCalendar(extraHolidays: try holidays())
    }
}

enum CalendarInput {
    /// Parses a date argument; rejects bad dates and years outside the supported federal rules.
    static func date(_ text: String, argument: String) throws -> CivilDate {
        guard let date = CivilDate(text) else {
            throw ValidationError("<\(argument)> must be a calendar date as YYYY-MM-DD; got '\(text)'.")
        }
        try checkYear(date.year, argument: argument, got: text)
        return date
    }

    static func checkYear(_ year: Int, argument: String, got: String? = nil) throws {
        let years = BusinessCalendar.supportedYears
        guard years.contains(year) else {
            throw ValidationError("<\(argument)> must be in the years \(years.lowerBound)-\(years.upperBound) "
                + "(the years the US federal holiday rules are encoded for); got \(got ?? String(year)).")
        }
    }
}
