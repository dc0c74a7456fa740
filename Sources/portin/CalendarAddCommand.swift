import ArgumentParser
import PortInCore

/// `portin calendar add DATE N`: the date N business days after DATE (before it when N < 0).
struct CalendarAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Print the date N business days after DATE; a negative N counts back (e.g. add 2026-07-06 -3).",
        usage: "portin calendar add <date> <n> [--extra-holiday <date> ...]"
    )

    @Argument(help: "The start date, YYYY-MM-DD.")
    var date: String

    // Captured as unrecognized input so a negative count such as `-3` is not taken for an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Business days to add; may be negative.", valueName: "n"))
    var count: [String] = []

    @OptionGroup var carrier: CarrierHolidayOptions

    func validate() throws {
        _ = try parsed()
    }

    private func parsed() throws -> (CivilDate, Int) {
        let start = try CalendarInput.date(date, argument: "date")
        guard count.count == 1, let n = Int(count[0]) else {
            let got = count.isEmpty ? "no value" : "'\(count.joined(separator: " "))'"
            throw ValidationError("<n> must be one whole number of business days (negative counts back); got \(got).")
        }
        return (start, n)
    }

    func run() throws {
        let (start, n) = try parsed()
        print(try carrier.calendar().adding(businessDays: n, to: start))
    }
}
