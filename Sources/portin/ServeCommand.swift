import ArgumentParser
import CarrierSimulator
import Foundation
import Logging
import PortInServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the PortIn API (SQLite in ./portin-data and the embedded carrier simulator unless configured otherwise)."
    )

    @Option(help: "Address to listen on (overrides PORTIN_HOST).")
    var host: String?

    @Option(help: "Port to listen on (overrides PORTIN_PORT).")
    var port: Int?

    func run() async throws {
        var configuration = try ServerConfiguration.fromProcess()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        Logging.bootstrap(level: configuration.logLevel)
        let runtime = try await PortInRuntime.start(configuration)
        // Unbuffered: standard output may be a pipe or file, and the banner must show now.
        FileHandle.standardOutput.write(Data((ServeBanner.text(runtime) + "\n").utf8))
        let signal = await ShutdownSignal.wait()
        FileHandle.standardOutput.write(Data("\(signal): shutting down\n".utf8))
        await runtime.shutdown()
    }
}

enum Logging {
    /// Log lines to standard error at `level`; standard output carries the command's own answers.
    static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
