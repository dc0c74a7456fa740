import ArgumentParser

/// The `portin` command: the service (`serve`, `migrate`), its administration (`accounts`, `users`)
/// and offline tools for the porting team (`numbers`, `calendar`).
@main
struct PortIn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portin",
        abstract: "PortIn: bring customers' phone numbers over from their current carriers.",
        subcommands: [ServeCommand.self, WorkerCommand.self, MigrateCommand.self, AccountsCommand.self, UsersCommand.self, NumbersCommand.self,
                      CalendarCommand.self]
    )
}
