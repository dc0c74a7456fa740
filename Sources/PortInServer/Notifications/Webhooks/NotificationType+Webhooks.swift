extension NotificationType {
    /// Every webhook event name a customer can subscribe to.
    static var webhookEvents: [String] { allCases.map(\.webhookEvent) }

    /// What the event means, for `GET /v1/webhook-events`.
    var webhookDescription: String {
        switch self {
        case .submitted: "The request was submitted and goes to the partner carrier."
        case .actionRequired: "The carrier rejected the request: data.reasons lists every field to fix."
        case .focConfirmed: "The losing carrier confirmed the port date (data.foc_date)."
        case .numbersProvisioned: "The numbers are in your inventory as porting and can be attached to an application."
        case .completed: "The port completed: the numbers are active."
        case .cancelled: "The request was cancelled."
        case .commentAdded: "The porting team commented on the request (data.comment)."
        case .noCarrierAnswer: "The carrier has not answered for 7 business days; the porting team is on it."
        case .focReminder: "The port is on the next business day."
        case .draftExpired: "A draft untouched for 30 days expired."
        case .statusChanged: "Any status change (data.previous_status to data.status), beside the specific events."
        }
    }
}
