import PortInCore

/// What happened to a request that the customer hears about, by email and webhook.
enum NotificationType: String, Sendable, Hashable, Codable, CaseIterable {
    case submitted
    case actionRequired = "action_required"
    case focConfirmed = "foc_confirmed"
    case numbersProvisioned = "numbers_provisioned"
    case completed
    case cancelled
    case commentAdded = "comment_added"
    /// Watchdog: the carrier has not answered for 7 business days.
    case noCarrierAnswer = "no_carrier_answer"
    /// Watchdog: the port is the next business day.
    case focReminder = "foc_reminder"
    /// Watchdog: a draft left untouched for 30 days expired.
    case draftExpired = "draft_expired"
    /// Every status change (webhook only: each status with its own email is listed above).
    case statusChanged = "status_changed"

    /// The webhook event name, e.g. `port_request.foc_confirmed`.
    var webhookEvent: String { "port_request.\(rawValue)" }

    /// Whether the account's contacts get an email (`status_changed` would duplicate the specific ones).
    var isEmailed: Bool { self != .statusChanged }

    /// The specific notification a status change causes, beside `status_changed`.
    static func forStatus(_ status: PortStatus) -> NotificationType? {
        switch status {
        case .submitted: .submitted
        case .actionRequired: .actionRequired
        case .focConfirmed: .focConfirmed
        case .completed: .completed
        case .cancelled: .cancelled
        case .expired: .draftExpired
        case .draft, .carrierReview, .pendingLosingCarrier, .cancelRequested: nil
        }
    }
}
