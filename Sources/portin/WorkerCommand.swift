import ArgumentParser
import CarrierSimulator
import Foundation
import PortInServer

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run lifecycle jobs (order submission, cancels, provisioning) without serving HTTP; needs PORTIN_CARRIER_URL."
    )

    func run() async throws {
        let configuration = try ServerConfiguration.fromProcess()
        Logging.bootstrap(level: configuration.logLevel)
        try await PortInRuntime.runWorker(configuration) {
            let signal = await ShutdownSignal.wait()
            FileHandle.standardOutput.write(Data("\(signal): stopping the worker\n".utf8))
        }
    }
}
