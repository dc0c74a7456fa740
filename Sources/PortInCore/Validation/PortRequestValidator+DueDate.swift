extension PortRequestValidator {
    /// The requested FOC date must be a business day of the losing carrier and at least its
    /// porting interval after the day the order counts as received (LSR cut-off rule).
    static func checkDueDate(_ draft: PortRequestDraft, numbers: CheckedNumbers, context: ValidationContext,
                             into problems: inout Problems) {
        guard let requested = draft.requestedFOCDate else { return }  // none: the carrier's earliest date
        let field = "requested_foc_date"
        let calendar = numbers.carrier?.calendar ?? context.defaultCalendar
        let received = calendar.receivedDay(for: context.now)
        if requested <= calendar.localDate(of: context.now) {
            problems.error(field, "date_in_past", "The requested port date \(requested) is not in the future.")
            return
        }
        if !calendar.isBusinessDay(requested) {
            let next = calendar.nextBusinessDay(after: requested)
            problems.error(field, "not_a_business_day",
                           "\(requested) is not a business day for the losing carrier; the next one is \(next).")
        }
        let interval = minimumInterval(numbers: numbers)
        let earliest = calendar.adding(businessDays: interval, to: received)
        if requested < earliest {
            problems.error(field, "too_soon",
                           "The earliest possible port date is \(earliest) (\(interval) business day\(interval == 1 ? "" : "s") after the order is received).")
        }
    }

    /// FCC simple port (one eligible line): the carrier's simple interval; otherwise the standard one.
    static func minimumInterval(numbers: CheckedNumbers) -> Int {
        guard let carrier = numbers.carrier else { return 4 }
        let simple = numbers.routes.count == 1 && numbers.routes[0].simplePortEligible
        return simple ? carrier.simplePortIntervalBusinessDays : carrier.standardIntervalBusinessDays
    }
}
