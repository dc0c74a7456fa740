import Foundation
import PortInCore

/// The JSON body of a webhook: `{"id", "type", "created_at", "data"}` with the request as it was
/// when the event happened. snake_case keys, sorted; every key always present (null when empty),
/// so receivers see one stable shape. Encoded once when the delivery is queued: every retry and
/// redelivery sends (and signs) the same bytes.
struct WebhookEventBody: Encodable {
    let notification: PortNotification

    init(_ notification: PortNotification) {
        self.notification = notification
    }

    enum Keys: String, CodingKey {
        case id, type, createdAt = "created_at", data
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(notification.id, forKey: .id)
        try container.encode(notification.type.webhookEvent, forKey: .type)
        try container.encode(APIJSON.timestamp(notification.at), forKey: .createdAt)
        try container.encode(WebhookEventData(notification), forKey: .data)
    }

    /// The bytes sent and signed.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// `data` of a webhook body: the request snapshot of a `PortNotification` (never the PIN).
struct WebhookEventData: Encodable {
    let notification: PortNotification

    init(_ notification: PortNotification) {
        self.notification = notification
    }

    enum Keys: String, CodingKey {
        case requestId = "request_id", accountId = "account_id", pon, version, status
        case previousStatus = "previous_status", numberType = "number_type", losingCarrierName = "losing_carrier_name"
        case numbers, focDate = "foc_date", customerReference = "customer_reference", reasons, comment, message
    }

    func encode(to encoder: any Encoder) throws {
        let n = notification
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(n.requestId, forKey: .requestId)
        try container.encode(n.accountId, forKey: .accountId)
        try container.encode(n.pon, forKey: .pon)
        try container.encode(n.version, forKey: .version)
        try container.encode(n.status.rawValue, forKey: .status)
        try container.encode(n.previousStatus?.rawValue, forKey: .previousStatus)
        try container.encode(n.numberType?.rawValue, forKey: .numberType)
        try container.encode(n.losingCarrier, forKey: .losingCarrierName)
        try container.encode(n.numbers, forKey: .numbers)
        try container.encode(n.focDate?.description, forKey: .focDate)
        try container.encode(n.customerReference, forKey: .customerReference)
        try container.encode(n.reasons.map(WebhookReasonData.init), forKey: .reasons)
        try container.encode(n.comment, forKey: .comment)
        try container.encode(n.message, forKey: .message)
    }
}

/// A reason to fix, with the catalog's words and the carrier's own code.
struct WebhookReasonData: Encodable {
    let reason: NotificationReason

    init(_ reason: NotificationReason) {
        self.reason = reason
    }

    enum Keys: String, CodingKey {
        case code, field, number, title, explanation, fixHint = "fix_hint", carrierCode = "carrier_code", carrierMessage = "carrier_message"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(reason.code, forKey: .code)
        try container.encode(reason.field, forKey: .field)
        try container.encode(reason.number, forKey: .number)
        try container.encode(reason.title, forKey: .title)
        try container.encode(reason.explanation, forKey: .explanation)
        try container.encode(reason.fixHint, forKey: .fixHint)
        try container.encode(reason.carrierCode, forKey: .carrierCode)
        try container.encode(reason.carrierMessage, forKey: .carrierMessage)
    }
}
