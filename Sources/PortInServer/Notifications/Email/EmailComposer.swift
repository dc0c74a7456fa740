import Foundation
import PortInCore

/// Turns a notification into what the customer reads (subject, plain text, HTML). Everything comes
/// from the notification's snapshot, which never holds the PIN, so no email can contain it.
struct EmailComposer: Sendable {
    var productName: String = "PortIn"
    /// Dates the emails name (numbers appear 2 business days before the FOC; "tomorrow").
    var calendar: BusinessCalendar = .usFederal

    /// The email for `notification`; nil for a type that is not emailed (`status_changed`).
    func compose(_ notification: PortNotification) -> EmailContent? {
        let body: (subject: String, heading: String, blocks: [EmailContent.Block])
        switch notification.type {
        case .submitted: body = submitted(notification)
        case .actionRequired: body = actionRequired(notification)
        case .focConfirmed: body = focConfirmed(notification)
        case .numbersProvisioned: body = numbersProvisioned(notification)
        case .completed: body = completed(notification)
        case .cancelled: body = cancelled(notification)
        case .commentAdded: body = commentAdded(notification)
        case .noCarrierAnswer: body = noCarrierAnswer(notification)
        case .focReminder: body = focReminder(notification)
        case .draftExpired: body = draftExpired(notification)
        case .statusChanged: return nil
        }
        let footer = "You receive this email as a contact of your \(productName) account or a notification address of port "
            + "request \(notification.pon). Notification \(notification.id)."
        return EmailContent(subject: body.subject, heading: body.heading,
                            blocks: body.blocks + [.facts(facts(notification)), .footer(footer)])
    }

    /// The request's identity, shown at the end of every email.
    func facts(_ notification: PortNotification) -> [EmailContent.Fact] {
        var facts = [EmailContent.Fact(label: "Port request", value: notification.requestId),
                     EmailContent.Fact(label: "PON", value: "\(notification.pon) (version \(notification.version))")]
        if let reference = notification.customerReference { facts.append(.init(label: "Your reference", value: reference)) }
        if let carrier = notification.losingCarrier { facts.append(.init(label: "Current carrier", value: carrier)) }
        if let foc = notification.focDate { facts.append(.init(label: "Port date", value: Self.longDate(foc))) }
        facts.append(.init(label: "Status", value: notification.status.rawValue))
        facts.append(.init(label: "Numbers", value: Self.numbersSummary(notification.numbers)))
        return facts
    }

    /// "Friday, March 12, 2027": unambiguous whatever the reader's locale.
    static func longDate(_ date: CivilDate) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(weekdays[date.weekday - 1]), \(months[date.month - 1]) \(date.day), \(date.year)"
    }

    /// "+12175220301" or "+12175220301 and 2 more".
    static func numbersSummary(_ numbers: [String]) -> String {
        guard let first = numbers.first else { return "none" }
        return numbers.count == 1 ? first : "\(first) and \(numbers.count - 1) more"
    }

    /// "1 number" / "3 numbers".
    static func count(_ numbers: [String]) -> String {
        numbers.count == 1 ? "1 number" : "\(numbers.count) numbers"
    }
}
