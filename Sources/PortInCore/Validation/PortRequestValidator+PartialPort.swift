import Foundation

extension PortRequestValidator {
    /// If the BTN ports while other numbers on the account stay, the carrier needs a new BTN
    /// chosen from the numbers that stay; without it the order is rejected.
    static func checkPartialPort(_ draft: PortRequestDraft, numbers: CheckedNumbers, into problems: inout Problems) {
        guard draft.kind != .tollFree else { return }
        let btn = parsedIfGiven(draft.btn, field: "btn", what: "The BTN", into: &problems)
        let newBTN = parsedIfGiven(draft.newBTN, field: "new_btn", what: "The new BTN", into: &problems)

        if draft.partialPort {
            guard let btn else {
                if draft.btn == nil || draft.btn?.isEmpty == true {
                    problems.error("btn", "required", "A partial port needs the account's billing telephone number (BTN).")
                }
                return
            }
            if numbers.contains(e164: btn.e164) {
                if let newBTN {
                    if numbers.contains(e164: newBTN.e164) {
                        problems.error("new_btn", "new_btn_must_stay",
                                       "The new BTN \(newBTN.e164) is being ported too; choose a number that stays with the current carrier.")
                    }
                } else if draft.newBTN?.isEmpty ?? true {
                    problems.error("new_btn", "new_btn_required",
                                   "The BTN \(btn.e164) is being ported while other numbers stay; name a new BTN from the numbers that stay.")
                }
            }
        } else {
            if let btn, !numbers.valid.isEmpty, !numbers.contains(e164: btn.e164) {
                problems.error("partial_port", "partial_port_inconsistent",
                               "The BTN \(btn.e164) is not in this request, so numbers stay behind: mark the request as a partial port, or add the BTN.")
            }
            if newBTN != nil {
                problems.warning("new_btn", "new_btn_ignored", "A new BTN is only used for partial ports; it will be ignored.")
            }
        }
    }

    private static func parsedIfGiven(_ text: String?, field: String, what: String,
                                      into problems: inout Problems) -> PhoneNumber? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try PhoneNumber.parse(text)
        } catch {
            problems.error(field, "invalid_number", "\(what) \(text) is not a valid phone number (\(error.reason.rawValue)).")
            return nil
        }
    }
}
