import PortInStore

import Foundation

/// The outbox payload of one email: what to say and to whom. It is rendered (plain text and HTML)
/// when it is sent; the outbox message id makes its Message-ID, stable across retries.
struct EmailEnvelope: Sendable, Hashable, Codable {
    var notification: PortNotification
    var to: [String]
}

extension StoreTransaction {
    /// Queues one email to `recipients` in the caller's transaction.
    func enqueueEmail(_ notification: PortNotification, to recipients: [String]) async throws {
        let payload = try JSONEncoder.notifications.encode(EmailEnvelope(notification: notification, to: recipients))
        _ = try await outbox.enqueue(kind: .email, payload: payload, now: notification.at)
    }
}

extension JSONEncoder {
    /// Stable JSON for outbox payloads: sorted keys, ISO 8601 dates.
    static var notifications: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var notifications: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
