import Foundation
import PortInCore

/// Runs `CarrierNetwork.tick()` one at a time, whoever asks (the driver task, `/sim/tick`,
/// `/sim/clock/advance`): the engine wants a single driver, and an actor alone would interleave
/// at the `await`.
public actor SimulatorTicker {
    public let network: CarrierNetwork
    private var last: Task<Void, Never>?

    public init(network: CarrierNetwork) {
        self.network = network
    }

    /// Ticks after every tick asked before this one has finished.
    public func tick() async {
        let previous = last
        let network = self.network
        let task = Task {
            await previous?.value
            await network.tick()
        }
        last = task
        await task.value
    }

    /// Ticks every `interval` of real time until the calling task is cancelled.
    public func drive(every interval: Duration) async {
        while !Task.isCancelled {
            await tick()
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
