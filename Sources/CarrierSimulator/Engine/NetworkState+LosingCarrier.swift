import CarrierKit
import PortInCore

/// The losing carrier's (and RespOrg's) validation: every error found, in one answer.
extension NetworkState {
    func losingCarrierErrors(_ record: OrderRecord, carrier index: Int) -> [CarrierError] {
        let carrier = world.carriers[index]
        let order = record.order
        var errors: [CarrierError] = []
        func add(_ code: RejectionCode, _ field: String?, _ message: String, number: String? = nil) {
            errors.append(CarrierError(code: carrier.carrierCode(for: code), field: field, message: message, number: number))
        }
        var lines: [(e164: String, line: LineFacts)] = []
        for (i, text) in order.numbers.enumerated() {
            guard let number = try? PhoneNumber.parse(text) else { continue }
            let line = world.line(national: number.national, country: number.country)
            guard line.carrier == index else {
                add(.numberNotOnAccount, "numbers[\(i)]", "\(number.e164) is not a \(carrier.name) number.", number: number.e164)
                continue
            }
            if line.disconnected {
                add(.numberInactive, "numbers[\(i)]", "\(number.e164) is disconnected.", number: number.e164)
            } else if line.unsupportedRateCenter {
                add(.unsupportedRateCenter, "numbers[\(i)]", "\(number.e164) is in a rate center the new carrier does not serve.",
                    number: number.e164)
            }
            if line.pendingPort || (openNumbers[number.e164].map { $0 != record.pon } ?? false) {
                add(.numberPendingPort, "numbers[\(i)]", "\(number.e164) already has a port pending.", number: number.e164)
            }
            lines.append((number.e164, line))
        }
        // The account is the BTN's when the BTN is one of ours, else the first number's.
        var accountLine: LineFacts?
        if let btn = order.btn, let parsed = try? PhoneNumber.parse(btn), parsed.type == .geographic {
            let line = world.line(national: parsed.national, country: parsed.country)
            if line.carrier == index, line.account != .none { accountLine = line }
        }
        if accountLine == nil { accountLine = lines.first { $0.line.account != .none }?.line }
        guard let accountLine, let csr = world.customerServiceRecord(for: accountLine) else { return errors }

        for (i, entry) in lines.enumerated() where entry.line.account != .none && entry.line.account != accountLine.account {
            add(.numberNotOnAccount, "numbers[\(i)]", "\(entry.e164) is on a different account.", number: entry.e164)
        }
        let draft = PortRequestDraft(
            kind: .local, subscriberType: order.subscriberType, businessName: order.businessName,
            firstName: order.firstName, lastName: order.lastName, authorizedPerson: order.authorizedPerson,
            serviceAddress: order.serviceAddress, accountNumber: order.accountNumber, pin: order.pin, btn: order.btn,
            partialPort: order.portingIndicator == .partial, newBTN: order.newBTN,
            requestedFOCDate: order.desiredDueDate, numbers: order.numbers)
        for mismatch in CSRMatcher.mismatches(draft, with: csr, strict: carrier.strict) {
            let missing: Bool = if case .missing = mismatch.result { true } else { false }
            let (code, what) = Self.rejection(for: mismatch.field, missing: missing)
            let message = missing ? "\(what) is missing; the account has one on file."
                : "\(what) does not match the account record."
            add(code, mismatch.field, message)
        }
        if accountLine.pendingOrder {
            add(.pendingOrderOnAccount, "account_number", "The account has another order pending.")
        }
        let requested = Set(order.numbers)
        let staying = csr.numbers.filter { !requested.contains($0) }
        if !staying.isEmpty {
            if order.portingIndicator == .full {
                add(.partialPortNewBTNRequired, "partial_port",
                    "\(staying.count) number(s) on the account stay with \(carrier.name): the porting indicator must be partial.")
            }
            if requested.contains(csr.btn), !(order.newBTN.map { staying.contains($0) } ?? false) {
                add(.partialPortNewBTNRequired, "new_btn",
                    "The BTN ports while numbers stay: name a new BTN from the numbers that stay.")
            }
        }
        return errors
    }

    /// Our code and a readable name for a mismatched CSR field.
    static func rejection(for field: String, missing: Bool) -> (RejectionCode, String) {
        switch field {
        case "business_name": (.businessNameMismatch, "The business name")
        case "first_name": (.authorizedNameMismatch, "The first name")
        case "last_name": (.authorizedNameMismatch, "The last name")
        case "authorized_person.name": (.authorizedNameMismatch, "The authorized person's name")
        case "service_address.postal_code": (.zipMismatch, "The ZIP / postal code")
        case "account_number": (missing ? .accountNumberMissing : .accountNumberInvalid, "The account number")
        case "btn": (.btnMismatch, "The BTN")
        case "pin": (missing ? .pinMissing : .pinInvalid, "The PIN")
        default:
            if field.hasPrefix("service_address.") {
                (.serviceAddressMismatch, "The service address " + field.dropFirst("service_address.".count)
                    .replacingOccurrences(of: "_", with: " "))
            } else {
                (.other, field)
            }
        }
    }

    func respOrgErrors(_ record: OrderRecord, respOrg index: Int) -> [CarrierError] {
        let respOrg = world.respOrgs[index]
        var errors: [CarrierError] = []
        for (i, text) in record.order.numbers.enumerated() {
            guard let number = try? PhoneNumber.parse(text) else { continue }
            let facts = world.tollFree(national: number.national)
            switch facts.status {
            case .spare:
                errors.append(CarrierError(code: respOrg.code(for: .spare), field: "numbers[\(i)]",
                                           message: "\(number.e164) is spare: nobody controls it to hand over.", number: number.e164))
            case .unavailable:
                errors.append(CarrierError(code: respOrg.code(for: .unavailable), field: "numbers[\(i)]",
                                           message: "\(number.e164) is unavailable (disconnected or in transition).",
                                           number: number.e164))
            case .controlled:
                if facts.respOrg != index {
                    errors.append(CarrierError(code: RejectionCode.numberNotOnAccount.rawValue, field: "numbers[\(i)]",
                                               message: "\(number.e164) is not controlled by \(respOrg.id).", number: number.e164))
                }
            }
        }
        return errors
    }
}
