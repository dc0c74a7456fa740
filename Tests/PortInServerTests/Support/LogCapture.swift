import Logging
import Synchronization

/// Every log line written through its `logger`, kept in memory (level, label, message and metadata
/// rendered as one line), so a test can prove what was and was not logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at `.trace` that records into this capture.
    var logger: Logger {
        var logger = Logger(label: "portin.test") { label in CapturingLogHandler(label: label, capture: self) }
        logger.logLevel = .trace
        return logger
    }

    var all: [String] { lines.withLock { $0 } }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

/// A `LogHandler` that renders each message with all its metadata into a `LogCapture`.
struct CapturingLogHandler: LogHandler {
    let label: String
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let error = event.error.map { " error=\(String(reflecting: $0))" } ?? ""
        capture.append("\(event.level) \(label) \(event.message) \(rendered)\(error)")
    }
}
