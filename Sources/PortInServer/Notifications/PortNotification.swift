import Foundation
import PortInCore
import PortInStore

/// A rejection reason as the customer reads it: the field to fix, why, and how.
struct NotificationReason: Sendable, Hashable, Codable {
    var code: String
    var field: String?
    var number: String?
    var title: String
    var explanation: String
    var fixHint: String
    /// The carrier's own code and words, kept alongside.
    var carrierCode: String?
    var carrierMessage: String?

    init(_ rejection: Rejection) {
        let entry = RejectionCatalog.entry(for: rejection.code)
        code = rejection.code.rawValue
        field = rejection.fields.first
        number = rejection.number
        title = entry.title
        explanation = entry.explanation
        fixHint = entry.fixHint
        carrierCode = rejection.carrierCode
        carrierMessage = rejection.message
    }

    enum CodingKeys: String, CodingKey {
        case code, field, number, title, explanation
        case fixHint = "fix_hint"
        case carrierCode = "carrier_code"
        case carrierMessage = "carrier_message"
    }
}

/// One thing to tell the customer, snapshotted from the request when it happened (in the same
/// transaction), so a later delivery says what was true then. Never holds the PIN: the request's
/// PIN is sealed and not part of `StoredPortRequest.draft`.
struct PortNotification: Sendable, Hashable, Codable {
    /// Unique per notification: the webhook event id and the email's Message-ID.
    var id: String
    var type: NotificationType
    var at: Date
    var accountId: String
    var requestId: String
    var pon: String
    var version: Int
    var status: PortStatus
    var previousStatus: PortStatus?
    var losingCarrier: String?
    var numberType: NumberType?
    var numbers: [String]
    var focDate: CivilDate?
    var customerReference: String?
    /// Every reason to fix (action required).
    var reasons: [NotificationReason]
    /// The comment's text (comment added).
    var comment: String?
    /// Free text: the reason given for a move, a watchdog's detail.
    var message: String?

    init(type: NotificationType, request: StoredPortRequest, at: Date, previousStatus: PortStatus? = nil,
         comment: String? = nil, message: String? = nil) {
        id = Self.makeID()
        self.type = type
        self.at = at
        accountId = request.accountId
        requestId = request.id
        pon = request.pon
        version = request.version
        status = request.status
        self.previousStatus = previousStatus
        losingCarrier = request.losingCarrier?.name
        numberType = request.numberType
        numbers = request.numbers.map(\.e164)
        focDate = request.focDate
        customerReference = request.draft.customerReference
        reasons = type == .actionRequired || type == .statusChanged ? request.reasons.map(NotificationReason.init) : []
        self.comment = comment
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case id, type, at, pon, version, status, numbers, reasons, comment, message
        case accountId = "account_id"
        case requestId = "request_id"
        case previousStatus = "previous_status"
        case losingCarrier = "losing_carrier"
        case numberType = "number_type"
        case focDate = "foc_date"
        case customerReference = "customer_reference"
    }
}

extension PortNotification {
    /// "ntf_" and 128 random bits as 32 lower-case hex digits. Built without Foundation's string
    /// replacing, which showed in the profile of the carrier callback path (it runs inside the writer).
    static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "ntf_" + hex(generator.next()) + hex(generator.next())
    }
}
