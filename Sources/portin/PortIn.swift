import ArgumentParser

/// The `portin` command: offline tools for the porting team now; `serve`, `migrate` and
/// `worker` join here as the service modules land.
@main
struct PortIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portin",
        abstract: "PortIn: bring customers' phone numbers over from their current carriers.",
        subcommands: [NumbersCommand.self, CalendarCommand.self]
    )
}
