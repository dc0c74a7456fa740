import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGINT or SIGTERM, so a server process (`carrier-sim`, `portin serve`) shuts down cleanly.
/// Lives here, with the simulator's server, because both executables already depend on this module.
public enum ShutdownSignal {
    /// Returns the name of the first signal received.
    public static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let queue = DispatchQueue(label: "portin.signals")
            let once = Once()
            var sources: [any DispatchSourceSignal] = []
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)  // the dispatch source, not the default handler, takes it
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if once.fire() { continuation.resume(returning: name) }
                }
                source.resume()
                sources.append(source)
            }
            Keep.sources = sources
        }
    }

    /// Fires once; only touched on the signal queue.
    final class Once: @unchecked Sendable {
        private var fired = false
        func fire() -> Bool {
            defer { fired = true }
            return !fired
        }
    }

    /// Keeps the sources alive for the life of the process.
    enum Keep {
        nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    }
}
