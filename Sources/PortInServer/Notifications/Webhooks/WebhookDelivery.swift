import AsyncHTTPClient
import CarrierKit
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PortInCore
import PortInStore

/// Sends queued webhook deliveries. Each is claimed with a lease (several workers on PostgreSQL
/// take disjoint ones), POSTed with its signature, and its attempt recorded with the response. A
/// 2xx answer delivers it; anything else (another status, a redirect, a timeout, a refused
/// connection or target) is retried with exponential backoff and full jitter until the retry
/// window (24 hours) after the first attempt has passed, then the delivery is `failed`.
///
/// Signature: `PortIn-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
/// the same scheme as the partner's callbacks (`CallbackSignature`), signed with the endpoint's
/// current secret at each attempt, so a rotation applies to retries too.
final class WebhookDelivery: Sendable {
    let store: Store
    let client: HTTPClient
    let clock: any PortInClock
    let owner: String
    let policy: WebhookTargetPolicy
    let timeout: Duration
    let leaseSeconds: Int
    let backoff: JobBackoff
    let retryWindow: TimeInterval
    /// The delay actually waited for a backoff ceiling: full jitter by default; tests pin it.
    let jitter: @Sendable (TimeInterval) -> TimeInterval
    let logger: Logger

    static let signatureHeader = "PortIn-Signature"
    static let eventIdHeader = "PortIn-Event-Id"
    static let deliveryIdHeader = "PortIn-Delivery-Id"
    static let eventTypeHeader = "PortIn-Event-Type"

    /// `client` must not follow redirects (make it with `makeHTTPClient()`): a redirect answer is a
    /// failed attempt, never a hop to another (possibly internal) target.
    init(store: Store, client: HTTPClient, clock: any PortInClock, owner: String = "webhooks-\(UUID().uuidString.prefix(8))",
         allowPrivateTargets: Bool, timeout: Duration = .seconds(10), leaseSeconds: Int = 60,
         backoff: JobBackoff = JobBackoff(base: 30, cap: 3600), retryWindow: TimeInterval = 24 * 3600,
         jitter: @escaping @Sendable (TimeInterval) -> TimeInterval = { Double.random(in: 0...$0) }, logger: Logger) {
        self.store = store
        self.client = client
        self.clock = clock
        self.owner = owner
        self.policy = WebhookTargetPolicy(allowPrivate: allowPrivateTargets)
        self.timeout = timeout
        self.leaseSeconds = leaseSeconds
        self.backoff = backoff
        self.retryWindow = retryWindow
        self.jitter = jitter
        self.logger = logger
    }

    /// An HTTP client for webhooks: redirects are not followed. The caller shuts it down.
    static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: .seconds(5), read: .seconds(10)),
                                                     connectionPool: .init())
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Attempts every delivery due now (a batch at a time, the batch's deliveries concurrently,
    /// so one slow endpoint does not hold up the others); returns how many attempts were made.
    @discardableResult
    func deliverDue(batch: Int = 20) async -> Int {
        var attempted = 0
        while !Task.isCancelled {
            let claimed: [StoredWebhookDelivery]
            do {
                claimed = try await store.webhookDeliveries.claimDue(now: clock.now(), limit: batch, leaseOwner: owner,
                                                                     leaseSeconds: leaseSeconds)
            } catch {
                logger.error("webhook deliveries could not be claimed: \(error)")
                return attempted
            }
            if claimed.isEmpty { return attempted }
            await withTaskGroup(of: Void.self) { group in
                for delivery in claimed {
                    group.addTask { await self.attempt(delivery) }
                }
            }
            attempted += claimed.count
        }
        return attempted
    }

    /// Polls for due deliveries every `interval` until the task is cancelled.
    func start(interval: Duration = .milliseconds(500)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                await deliverDue()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One attempt: sign, POST, record.
    private func attempt(_ delivery: StoredWebhookDelivery) async {
        var logger = self.logger
        logger[metadataKey: "delivery"] = "\(delivery.id)"
        logger[metadataKey: "endpoint"] = "\(delivery.endpointId)"
        logger[metadataKey: "event"] = "\(delivery.eventType)"
        let at = clock.now()
        let started = ContinuousClock.now
        let result: AttemptResult
        do {
            guard let endpoint = try await store.webhookEndpoints.find(id: delivery.endpointId, accountId: delivery.accountId),
                  let secret = try await store.webhookEndpoints.revealSecret(id: delivery.endpointId, accountId: delivery.accountId)
            else { return }  // deleted meanwhile, with its deliveries
            result = await post(delivery, to: endpoint.url, secret: secret, at: at)
        } catch StoreError.secretUnreadable {
            // Counts as a failed attempt (and runs out with the window) rather than looping on the lease.
            result = AttemptResult(error: "the signing secret cannot be opened with the configured key")
        } catch {
            logger.error("webhook endpoint could not be read: \(error)")
            return
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let outcome = decide(result, delivery: delivery, attemptAt: at)
        let record = WebhookAttempt(deliveryId: delivery.id, at: at, responseStatus: result.status, durationMs: milliseconds,
                                    error: result.error)
        do {
            let held = try await store.webhookDeliveries.recordAttempt(record, responseBody: result.body, outcome: outcome,
                                                                       leaseOwner: owner)
            var metadata: Logger.Metadata = [
                "status": "\(result.status.map(String.init) ?? "none")", "ms": "\(milliseconds)",
                "outcome": "\(Self.describe(outcome))", "lease": "\(held ? "held" : "lost")",
            ]
            if let error = result.error { metadata["error"] = "\(error)" }
            logger.log(level: result.isSuccess ? .info : .warning, "webhook attempt", metadata: metadata)
        } catch {
            logger.error("webhook attempt could not be recorded: \(error)")
        }
    }

    /// What the attempt means for the delivery: delivered, retried within the window, or failed.
    func decide(_ result: AttemptResult, delivery: StoredWebhookDelivery, attemptAt: Date) -> WebhookAttemptOutcome {
        if result.isSuccess { return .delivered }
        let deadline = (delivery.roundStartedAt ?? attemptAt).addingTimeInterval(retryWindow)
        let now = clock.now()
        guard now < deadline else { return .failed }
        // At least a second, so a retry never falls due within the same pass; the last retry is
        // made at the deadline rather than skipped.
        let delay = max(1, jitter(backoff.ceiling(attempt: delivery.roundAttempts + 1)))
        return .retry(at: min(now.addingTimeInterval(delay), deadline))
    }

    /// What one POST came to.
    struct AttemptResult: Sendable {
        var status: Int?
        var body: String?
        var error: String?

        var isSuccess: Bool { status.map { (200..<300).contains($0) } ?? false }
    }

    private func post(_ delivery: StoredWebhookDelivery, to target: String, secret: String, at: Date) async -> AttemptResult {
        guard let url = URL(string: target) else { return AttemptResult(error: "refused: the endpoint URL cannot be read") }
        if let refusal = await policy.refusal(for: url) { return AttemptResult(error: refusal) }
        var request = HTTPClientRequest(url: target)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "PortIn-Webhooks/1")
        request.headers.add(name: Self.eventIdHeader, value: delivery.eventId)
        request.headers.add(name: Self.eventTypeHeader, value: delivery.eventType)
        request.headers.add(name: Self.deliveryIdHeader, value: delivery.id)
        request.headers.add(name: Self.signatureHeader, value: CallbackSignature(secret: secret).header(for: delivery.payload, at: at))
        request.body = .bytes(ByteBuffer(bytes: delivery.payload))
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline, logger: logger)
            // Only the start of the answer is kept; the rest is not read.
            var kept = ByteBuffer()
            for try await part in response.body {
                kept.writeImmutableBuffer(part.getSlice(at: part.readerIndex,
                                                        length: min(part.readableBytes,
                                                                    StoredWebhookDelivery.maxResponseBodyBytes - kept.readableBytes))!)
                if kept.readableBytes >= StoredWebhookDelivery.maxResponseBodyBytes { break }
            }
            let status = Int(response.status.code)
            let redirect = (300..<400).contains(status) ? "redirect not followed" : nil
            return AttemptResult(status: status, body: String(decoding: kept.readableBytesView, as: UTF8.self), error: redirect)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return AttemptResult(error: "timed out after \(timeout)")
        } catch {
            return AttemptResult(error: "\(error)")
        }
    }

    static func describe(_ outcome: WebhookAttemptOutcome) -> String {
        switch outcome {
        case .delivered: "delivered"
        case .retry(let at): "retry at \(APIJSON.timestamp(at))"
        case .failed: "failed"
        }
    }
}
