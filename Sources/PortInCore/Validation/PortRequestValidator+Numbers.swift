extension PortRequestValidator {
    static func checkNumbers(_ draft: PortRequestDraft, context: ValidationContext,
                             into problems: inout Problems) -> CheckedNumbers {
        var checked = CheckedNumbers()
        if draft.numbers.isEmpty {
            problems.error("numbers", "required", "Add at least one phone number to port.")
            return checked
        }
        let limit = context.limits.maxNumbersPerRequest
        if draft.numbers.count > limit {
            problems.error("numbers", "too_many_numbers",
                           "A request holds at most \(limit) numbers; this one has \(draft.numbers.count). Split it into several requests.")
        }
        var firstIndex: [String: Int] = [:]
        for (index, text) in draft.numbers.enumerated() {
            let field = "numbers[\(index)]"
            let number: PhoneNumber
            do {
                number = try PhoneNumber.parse(text)
            } catch {
                problems.error(field, "invalid_number", "\(text) is not a valid phone number (\(error.reason.rawValue)): \(error.message)")
                continue
            }
            if let earlier = firstIndex[number.e164] {
                problems.error(field, "duplicate_number", "\(number.e164) is already listed at numbers[\(earlier)].")
                continue
            }
            firstIndex[number.e164] = index
            checked.valid.append(number)
            checkKind(of: number, draft: draft, field: field, into: &problems)
            guard let route = context.routes[number.e164] else {
                problems.error(field, "portability_unknown",
                               "\(number.e164) has no portability result; run a portability check before submitting.")
                continue
            }
            checked.routes.append(route)
        }
        checkSingleCarrierAndType(checked: &checked, context: context, into: &problems)
        return checked
    }

    /// The request's kind must fit its numbers: toll-free numbers take the RespOrg path.
    private static func checkKind(of number: PhoneNumber, draft: PortRequestDraft, field: String,
                                  into problems: inout Problems) {
        switch draft.kind {
        case .tollFree where number.type != .tollFree:
            problems.error(field, "kind_mismatch", "\(number.e164) is not a toll-free number; a toll-free request carries toll-free numbers only.")
        case .local where number.type == .tollFree:
            problems.error(field, "kind_mismatch", "\(number.e164) is toll-free; port it in a toll-free request.")
        case .local where !number.isNANP:
            problems.error(field, "kind_mismatch", "\(number.e164) is outside the US/Canada numbering plan; port it in an international request.")
        case .international where number.isNANP:
            problems.error(field, "kind_mismatch", "\(number.e164) is a US/Canada number; port it in a local or toll-free request.")
        default:
            break
        }
        if number.type == .premium {
            problems.error(field, "not_portable", "\(number.e164) is a premium-rate number; we cannot port premium numbers.")
        }
    }

    /// One request is submitted to one losing carrier for one number type.
    private static func checkSingleCarrierAndType(checked: inout CheckedNumbers, context: ValidationContext,
                                                  into problems: inout Problems) {
        let carriers = orderedUnique(checked.routes.map(\.losingCarrier))
        let types = orderedUnique(checked.routes.map(\.numberType.rawValue))
        if carriers.count > 1 {
            problems.error("numbers", "mixed_losing_carriers",
                           "These numbers are with \(carriers.count) different carriers (\(carriers.joined(separator: ", "))); a request goes to one losing carrier. Split it.")
        }
        if types.count > 1 {
            problems.error("numbers", "mixed_number_types",
                           "These numbers are of different types (\(types.joined(separator: ", "))); a request carries one number type. Split it.")
        }
        if carriers.count == 1, let id = carriers.first {
            if let profile = context.carriers[id] {
                checked.carrier = profile
            } else {
                problems.error("numbers", "unknown_losing_carrier", "The losing carrier \(id) is not known to us; the porting team must add it.")
            }
        }
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
