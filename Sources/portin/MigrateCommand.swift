import ArgumentParser
import PortInServer

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the database schema (serve does this too); prints the migrations applied."
    )

    func run() async throws {
        let configuration = try ServerConfiguration.fromProcess()
        Logging.bootstrap(level: configuration.logLevel)
        let runtime = try await PortInRuntime.openStore(configuration)
        let applied = try await runtime.appliedMigrations()
        await runtime.shutdown()
        print(applied.joined(separator: "\n"))
    }
}
