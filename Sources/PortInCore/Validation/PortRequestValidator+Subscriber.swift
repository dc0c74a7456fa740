import Foundation

extension PortRequestValidator {
    static func checkSubscriber(_ draft: PortRequestDraft, into problems: inout Problems) {
        switch draft.subscriberType {
        case .business:
            problems.require(draft.businessName, "business_name", "The business name exactly as on the current carrier's bill")
        case .residential:
            problems.require(draft.firstName, "first_name", "The account holder's first name")
            problems.require(draft.lastName, "last_name", "The account holder's last name")
        }
        guard let person = draft.authorizedPerson else {
            problems.error("authorized_person.name", "required", "The authorized person (who signs the LOA) is required.")
            return
        }
        problems.require(person.name, "authorized_person.name", "The authorized person's name")
        if let email = person.email, !email.isEmpty, !isPlausibleEmail(email) {
            problems.error("authorized_person.email", "invalid_email", "\(email) is not an email address.")
        }
        for (index, email) in draft.notificationEmails.enumerated() where !isPlausibleEmail(email) {
            problems.error("notification_emails[\(index)]", "invalid_email", "\(email) is not an email address.")
        }
    }

    static func checkAccount(_ draft: PortRequestDraft, numbers: CheckedNumbers, into problems: inout Problems) {
        if draft.kind != .tollFree {
            problems.require(draft.accountNumber, "account_number", "The account number with the current carrier")
        }
        let pinGiven = !(draft.pin ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        guard !pinGiven else { return }
        if let carrier = numbers.carrier, carrier.pinPolicy == .required || carrier.lineType == .wireless {
            problems.error("pin", "pin_required", "\(carrier.name) requires the account PIN or passcode for every port.")
        } else if numbers.routes.contains(where: \.pinSet) {
            problems.error("pin", "pin_required", "The account has a PIN or passcode set with the current carrier; enter it.")
        }
    }

    /// Simple shape check: one @, something on both sides, a dot in the domain, no spaces.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: \.isWhitespace) else { return false }
        return true
    }
}
