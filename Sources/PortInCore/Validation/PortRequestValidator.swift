import Foundation

/// Checks a port request before submission the way the partner and losing carrier will,
/// returning every problem at once (never stopping at the first).
public enum PortRequestValidator {
    public static func validate(_ draft: PortRequestDraft, context: ValidationContext) -> ValidationReport {
        var problems = Problems()
        let numbers = checkNumbers(draft, context: context, into: &problems)
        checkSubscriber(draft, into: &problems)
        checkServiceAddress(draft, into: &problems)
        checkAccount(draft, numbers: numbers, into: &problems)
        checkPartialPort(draft, numbers: numbers, into: &problems)
        checkDocuments(draft, context: context, into: &problems)
        checkDueDate(draft, numbers: numbers, context: context, into: &problems)
        return ValidationReport(problems: problems.items)
    }
}

/// Accumulates problems; small helpers keep the rule code readable.
struct Problems {
    var items: [ValidationProblem] = []

    mutating func error(_ field: String, _ code: String, _ message: String) {
        items.append(ValidationProblem(field: field, code: code, message: message, severity: .error))
    }

    mutating func warning(_ field: String, _ code: String, _ message: String) {
        items.append(ValidationProblem(field: field, code: code, message: message, severity: .warning))
    }

    /// Reports `required` when the value is nil or only whitespace; returns the trimmed value.
    @discardableResult
    mutating func require(_ value: String?, _ field: String, _ what: String) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            error(field, "required", "\(what) is required.")
            return nil
        }
        return trimmed
    }
}

/// The request's numbers after parsing, with what the rest of validation needs.
struct CheckedNumbers {
    /// Valid, unique numbers in input order.
    var valid: [PhoneNumber] = []
    /// Routes of the valid numbers that have one.
    var routes: [NumberRoute] = []
    /// The single losing carrier, when the request has exactly one.
    var carrier: LosingCarrierProfile?

    func contains(e164: String) -> Bool { valid.contains { $0.e164 == e164 } }
}
