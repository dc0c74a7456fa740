import ArgumentParser

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "US business-day calendar used for porting intervals and due dates.",
        subcommands: [CalendarHolidaysCommand.self, CalendarAddCommand.self, CalendarBetweenCommand.self]
    )
}
