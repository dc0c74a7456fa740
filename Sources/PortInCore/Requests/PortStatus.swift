/// Where a port request is in its lifecycle. Raw values are the stable strings stored and exposed by the API.
public enum PortStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case submitted
    case carrierReview = "carrier_review"
    case pendingLosingCarrier = "pending_losing_carrier"
    case focConfirmed = "foc_confirmed"
    case completed
    case actionRequired = "action_required"
    case cancelRequested = "cancel_requested"
    case cancelled
    case expired

    /// No transition leaves this status.
    public var isTerminal: Bool {
        switch self {
        case .completed, .cancelled, .expired: true
        default: false
        }
    }

    /// Not terminal: a number held by an open request cannot be requested again.
    public var isOpen: Bool { !isTerminal }

    /// The customer may change the request's content (numbers, names, documents) in this status.
    public var isEditable: Bool {
        switch self {
        case .draft, .actionRequired: true
        default: false
        }
    }
}
