import Foundation
import Logging
import PortInCore
import PortInStore

/// Sends the email outbox: claims due rows with a lease (several workers never send the same
/// row at once), renders and sends each, and marks it sent. A failed send is retried with
/// exponential backoff and full jitter for up to `retryWindow` after the email was queued, then
/// given up (`dead`, visible to ops). Delivery is at least once: a worker that dies after the
/// server accepted a message but before marking it sends it again once its lease expires, with
/// the same Message-ID and bytes, so the receiver can tell.
final class EmailOutboxDelivery: Sendable {
    let store: Store
    let transport: any EmailTransport
    let clock: any PortInClock
    /// `Name <address>` of the sender; its domain makes the Message-ID's right-hand side.
    let from: String
    let composer: EmailComposer
    let logger: Logger
    let owner: String
    let leaseSeconds: Int
    let backoff: JobBackoff
    let retryWindow: TimeInterval

    init(store: Store, transport: any EmailTransport, clock: any PortInClock, from: String, composer: EmailComposer = EmailComposer(),
         logger: Logger, owner: String = "mailer-\(UUID().uuidString.prefix(8))", leaseSeconds: Int = 300,
         backoff: JobBackoff = JobBackoff(base: 30, cap: 3600), retryWindow: TimeInterval = 24 * 3600) {
        self.store = store
        self.transport = transport
        self.clock = clock
        self.from = from
        self.composer = composer
        self.logger = logger
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.backoff = backoff
        self.retryWindow = retryWindow
    }

    /// The Message-ID host: the sender's domain.
    static func messageIdHost(for from: String) -> String {
        EmailAddress.addrSpec(of: from).flatMap(EmailAddress.domain(of:)) ?? "portin.localhost"
    }

    /// Sends every email due now; returns how many were sent. Never throws: a store failure is
    /// logged and the rows stay for the next call.
    @discardableResult
    func deliverDue(batch: Int = 20) async -> Int {
        var sent = 0
        var seen = Set<String>()
        while true {
            let claimed: [OutboxMessage]
            do {
                claimed = try await store.outbox.claimDue(kind: .email, now: clock.now(), limit: batch, leaseOwner: owner,
                                                          leaseSeconds: leaseSeconds)
            } catch {
                logger.error("email outbox: cannot claim", metadata: ["error": "\(error)"])
                return sent
            }
            // A row seen twice in one call was retried at once: leave it for the next call.
            let fresh = claimed.filter { seen.insert($0.id).inserted }
            if fresh.isEmpty { return sent }
            for row in fresh {
                if await deliver(row) { sent += 1 }
            }
        }
    }

    /// The email of an outbox row, as it is sent (also used by tests and ops tools to show it).
    func message(for row: OutboxMessage) throws -> EmailMessage {
        if let signing = try? JSONDecoder.notifications.decode(SigningLinkEnvelope.self, from: row.payload) {
            let content = signing.signingLink.content(url: try store.openSecret(signing.signingLink.sealedURL))
            return EmailMessage(from: from, to: signing.to, subject: content.subject, text: content.plainText, html: content.html,
                                messageId: "\(row.id)@\(Self.messageIdHost(for: from))", date: signing.signingLink.at,
                                notificationType: SigningLinkEmail.notificationType, requestId: signing.signingLink.requestId)
        }
        let envelope = try JSONDecoder.notifications.decode(EmailEnvelope.self, from: row.payload)
        guard let content = composer.compose(envelope.notification) else {
            throw EmailRenderError(description: "\(envelope.notification.type.rawValue) notifications are not emailed")
        }
        return EmailMessage(from: from, to: envelope.to, subject: content.subject, text: content.plainText, html: content.html,
                            messageId: "\(row.id)@\(Self.messageIdHost(for: from))", date: envelope.notification.at,
                            notificationType: envelope.notification.type.rawValue, requestId: envelope.notification.requestId)
    }

    /// Sends one claimed row and settles it; true when it was sent.
    private func deliver(_ row: OutboxMessage) async -> Bool {
        let message: EmailMessage
        do {
            message = try self.message(for: row)
        } catch {
            // Retrying cannot fix a payload this version cannot read.
            logger.error("email outbox: unreadable payload", metadata: ["outbox_id": "\(row.id)", "error": "\(error)"])
            _ = try? await store.outbox.markFailed(id: row.id, leaseOwner: owner, error: "unreadable: \(error)", nextAttemptAt: nil)
            return false
        }
        do {
            let result = try await transport.send(message)
            let marked = try await store.outbox.markSent(id: row.id, leaseOwner: owner, at: clock.now())
            if !marked { logger.warning("email outbox: sent after the lease was lost", metadata: ["outbox_id": "\(row.id)"]) }
            logger.info("email sent", metadata: ["outbox_id": "\(row.id)", "recipients": "\(message.to.count - result.refused.count)",
                                                 "attempt": "\(row.attempts)"])
            return true
        } catch {
            let now = clock.now()
            let deadline = row.createdAt.addingTimeInterval(retryWindow)
            var generator = SystemRandomNumberGenerator()
            // At least a second, so a retry is never due within the same pass.
            let delay = max(1, backoff.delay(attempt: row.attempts, using: &generator))
            let retryAt: Date? = now >= deadline ? nil : min(now.addingTimeInterval(delay), deadline)
            let status = try? await store.outbox.markFailed(id: row.id, leaseOwner: owner, error: "\(error)", nextAttemptAt: retryAt)
            logger.warning("email not sent", metadata: ["outbox_id": "\(row.id)", "attempt": "\(row.attempts)", "error": "\(error)",
                                                       "status": "\(status?.rawValue ?? "lease lost")"])
            return false
        }
    }

    /// Delivers due emails every `interval` until the task is cancelled.
    func start(interval: Duration = .seconds(1)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                await deliverDue()
                try? await Task.sleep(for: interval)
            }
        }
    }
}

struct EmailRenderError: Error, CustomStringConvertible {
    var description: String
}
