import ArgumentParser

struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Inspect phone numbers: validity, E.164 form, country, type.",
        subcommands: [NumbersInspectCommand.self]
    )
}
