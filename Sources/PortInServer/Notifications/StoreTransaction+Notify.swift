import Foundation
import PortInCore
import PortInStore

extension StoreTransaction {
    /// Writes the emails and webhook deliveries `notification` causes, in the caller's transaction:
    /// they commit with the change that caused them and are sent afterwards by the outbox workers.
    func notify(_ notification: PortNotification, request: StoredPortRequest) async throws {
        if notification.type.isEmailed {
            let recipients = try await emailRecipients(for: request)
            if !recipients.isEmpty { try await enqueueEmail(notification, to: recipients) }
        }
        try await enqueueWebhooks(notification)
    }

    /// The account's contacts and the request's notification emails, each once (case-insensitive).
    func emailRecipients(for request: StoredPortRequest) async throws -> [String] {
        let contacts = try await accounts.find(id: request.accountId)?.contactEmails ?? []
        var seen = Set<String>()
        return (contacts + request.draft.notificationEmails).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The notifications of one status change: `status_changed`, and the status's own one if any.
    func notifyStatusChange(from previous: PortStatus, request: StoredPortRequest, reason: String?, now: Date) async throws {
        try await notify(PortNotification(type: .statusChanged, request: request, at: now, previousStatus: previous, message: reason),
                         request: request)
        if let specific = NotificationType.forStatus(request.status) {
            try await notify(PortNotification(type: specific, request: request, at: now, previousStatus: previous, message: reason),
                             request: request)
        }
    }
}
