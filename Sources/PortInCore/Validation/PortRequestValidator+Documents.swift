import Foundation

extension PortRequestValidator {
    static func checkDocuments(_ draft: PortRequestDraft, context: ValidationContext, into problems: inout Problems) {
        let today = context.defaultCalendar.localDate(of: context.now)
        checkLOA(draft, today: today, limits: context.limits, into: &problems)
        checkInvoice(draft, today: today, limits: context.limits, into: &problems)
    }

    private static func checkLOA(_ draft: PortRequestDraft, today: CivilDate, limits: ValidationLimits,
                                 into problems: inout Problems) {
        let field = "documents.loa"
        // The newest LOA counts: a re-signed LOA replaces the old one.
        guard let loa = draft.documents.last(where: { $0.kind == .loa }) else {
            let who = draft.kind == .international ? " The porting team supplies the country-specific LOA." : ""
            problems.error(field, "loa_missing", "A signed Letter of Authorization is required.\(who)")
            return
        }
        guard let signer = loa.signedBy, !signer.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.error(field, "loa_unsigned", "The LOA is not signed; the authorized person must sign it.")
            return
        }
        if let person = draft.authorizedPerson?.name, !person.isEmpty,
           Normalizer.personName(signer) != Normalizer.personName(person) {
            problems.error(field, "loa_signer_mismatch",
                           "The LOA is signed by \(signer), but the authorized person is \(person); the authorized person must sign it.")
        }
        guard let signedOn = loa.signedOn else {
            problems.error(field, "loa_undated", "The LOA has no signature date.")
            return
        }
        if signedOn > today {
            problems.error(field, "loa_dated_in_future", "The LOA is dated \(signedOn), which is in the future.")
        } else if draft.kind == .tollFree, today.daysSinceEpoch - signedOn.daysSinceEpoch > limits.tollFreeLOAMaxAgeDays {
            problems.error(field, "loa_too_old",
                           "A toll-free LOA must be dated within \(limits.tollFreeLOAMaxAgeDays) days of the RespOrg change; this one is dated \(signedOn). Sign a new one.")
        }
    }

    private static func checkInvoice(_ draft: PortRequestDraft, today: CivilDate, limits: ValidationLimits,
                                     into problems: inout Problems) {
        let field = "documents.invoice"
        guard let invoice = draft.documents.last(where: { $0.kind == .invoice }) else {
            problems.error(field, "invoice_missing", "A recent invoice from the current carrier is required (dated within the last \(limits.invoiceMaxAgeDays) days).")
            return
        }
        guard let date = invoice.invoiceDate else {
            problems.error(field, "invoice_undated", "Give the date printed on the invoice.")
            return
        }
        let age = today.daysSinceEpoch - date.daysSinceEpoch
        if age < 0 {
            problems.error(field, "invoice_dated_in_future", "The invoice date \(date) is in the future.")
        } else if age > limits.invoiceMaxAgeDays {
            problems.error(field, "invoice_too_old",
                           "The invoice is dated \(date), \(age) days ago; upload one from the last \(limits.invoiceMaxAgeDays) days.")
        } else if age > limits.invoiceWarnAgeDays {
            problems.warning(field, "invoice_older_than_30_days",
                             "The invoice is \(age) days old; carriers prefer one from the last \(limits.invoiceWarnAgeDays) days.")
        }
    }
}
