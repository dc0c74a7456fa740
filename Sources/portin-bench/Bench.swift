import ArgumentParser

/// Benchmarks, run in release mode: `swift run -c release portin-bench <name>`.
/// Each prints its figures and the ratio against the baseline it measures in the same run.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portin-bench",
        abstract: "PortIn benchmarks (release build).",
        subcommands: [NumbersBench.self, CalendarBench.self, CarrierPortabilityBench.self, ServiceBench.self, LifecycleBench.self]
    )
}
