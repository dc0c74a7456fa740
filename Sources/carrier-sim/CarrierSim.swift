import ArgumentParser
import CarrierSimulator

@main
struct CarrierSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier-sim",
        abstract: CarrierSimulatorInfo.name
    )

    func run() async throws {}
}
