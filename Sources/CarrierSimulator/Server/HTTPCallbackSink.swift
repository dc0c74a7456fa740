import AsyncHTTPClient
import CarrierKit
import Foundation
import Logging
import NIOCore

/// Delivers each carrier event as a signed JSON POST (`X-PortIn-Signature`) to PortIn's callback
/// URL, retrying with exponential backoff on connection errors, timeouts and non-2xx answers, up to
/// `maxAttempts`; a callback that still fails is logged and dropped, as a real carrier would.
/// Duplicated and out-of-order deliveries come from the engine's faults, not from here.
public final class HTTPCallbackSink: CarrierEventSink {
    public let url: String
    public let maxAttempts: Int
    public let backoffBase: Duration
    public let timeout: Duration
    private let signer: CallbackSignature
    private let client: HTTPClient
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - now: the signing time; real wall time by default, since receivers check it against theirs.
    ///   - sleep: waits between attempts; tests inject one that returns at once.
    public init(url: String, secret: String, client: HTTPClient, maxAttempts: Int = 5, backoffBase: Duration = .milliseconds(250),
                timeout: Duration = .seconds(5), logger: Logger = Logger(label: "portin.carrier-sim.callbacks"),
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.url = url
        self.signer = CallbackSignature(secret: secret)
        self.client = client
        self.maxAttempts = max(1, maxAttempts)
        self.backoffBase = backoffBase
        self.timeout = timeout
        self.logger = logger
        self.now = now
        self.sleep = sleep
    }

    public func deliver(_ event: CarrierEvent) async {
        await send(event)
    }

    /// Delivers one event; returns whether a 2xx answer came back within the attempts.
    @discardableResult
    public func send(_ event: CarrierEvent) async -> Bool {
        var logger = self.logger
        logger[metadataKey: "event_id"] = "\(event.eventId)"
        logger[metadataKey: "type"] = "\(event.type.rawValue)"
        logger[metadataKey: "pon"] = "\(event.pon)"
        logger[metadataKey: "version"] = "\(event.version)"
        let body: Data
        do { body = try CarrierWire.encoder().encode(event) } catch {
            logger.error("callback not encodable", metadata: ["error": "\(error)"])
            return false
        }
        for attempt in 1...maxAttempts {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            // Signed per attempt: a retry minutes later must still fall inside the receiver's window.
            request.headers.add(name: CallbackSignature.headerName, value: signer.header(for: body, at: now()))
            request.body = .bytes(ByteBuffer(bytes: body))
            let outcome: String
            do {
                let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))
                let response = try await client.execute(request, deadline: deadline, logger: logger)
                _ = try await response.body.collect(upTo: 1 << 20)
                if (200..<300).contains(response.status.code) {
                    logger.info("callback delivered", metadata: ["attempt": "\(attempt)", "status": "\(response.status.code)"])
                    return true
                }
                outcome = "HTTP \(response.status.code)"
            } catch {
                outcome = "\(error)"
            }
            guard attempt < maxAttempts else {
                logger.error("callback dropped", metadata: ["attempts": "\(attempt)", "failure": "\(outcome)"])
                return false
            }
            let wait = backoffBase * (1 << min(attempt - 1, 20))
            logger.warning("callback failed, retrying", metadata: ["attempt": "\(attempt)", "failure": "\(outcome)"])
            do { try await sleep(wait) } catch { return false }
        }
        return false
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
