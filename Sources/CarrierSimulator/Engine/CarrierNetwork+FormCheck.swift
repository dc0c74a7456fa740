import CarrierKit
import Foundation
import PortInCore

/// The partner's form check: what it refuses at once, before anything reaches a losing carrier.
extension NetworkState {
    /// Every form error of `order` (empty when the form is fine) and, when the numbers agree, the losing
    /// party. `expectedVersion` is the version the order must carry.
    func formErrors(_ order: PortOrder, expectedVersion: Int, now: Date) -> (errors: [CarrierError], party: LosingParty?) {
        var errors: [CarrierError] = []
        func error(_ code: String, _ field: String?, _ message: String, number: String? = nil) {
            errors.append(CarrierError(code: code, field: field, message: message, number: number))
        }
        func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

        if blank(order.pon) { error("required", "pon", "The PON is required.") }
        if order.version != expectedVersion {
            error(expectedVersion == 1 ? "version_invalid" : "version_out_of_sequence", "version",
                  "Expected version \(expectedVersion), got \(order.version).")
        }
        if order.version > 1, order.supplementType == nil {
            error("supplement_type_required", "supplement_type", "A supplement (version > 1) needs a supplement type.")
        }
        if order.version == 1, order.supplementType != nil {
            error("supplement_type_unexpected", "supplement_type", "The initial order (version 1) has no supplement type.")
        }
        if blank(order.authorizedPerson.name) {
            error("required", "authorized_person.name", "The authorized person's name is required.")
        }
        switch order.subscriberType {
        case .business:
            if blank(order.businessName) { error("required", "business_name", "A business subscriber needs the business name.") }
        case .residential:
            if blank(order.firstName) { error("required", "first_name", "A residential subscriber needs a first name.") }
            if blank(order.lastName) { error("required", "last_name", "A residential subscriber needs a last name.") }
        }
        if order.numberType == .geographic {
            if let address = order.serviceAddress {
                for (field, value) in [("house_number", address.houseNumber), ("street", address.street),
                                       ("city", address.city), ("state", address.state),
                                       ("postal_code", address.postalCode)] where blank(value) {
                    error("required", "service_address." + field, "The service address needs the \(field.replacingOccurrences(of: "_", with: " ")).")
                }
            } else {
                error("required", "service_address", "The service address is required.")
            }
        }
        if let due = order.desiredDueDate, due < BusinessCalendar.usFederal.localDate(of: now) {
            error("due_date_in_past", "desired_due_date", "The desired due date \(due) is in the past.")
        }
        var party: LosingParty?
        switch order.numberType {
        case .geographic:
            if blank(order.losingCarrier) {
                error("required", "losing_carrier", "The losing carrier (SPID) is required.")
            } else if let index = world.carrierIndex(named: order.losingCarrier) {
                party = .carrier(index)
            } else {
                error("unknown_losing_carrier", "losing_carrier", "No carrier \(order.losingCarrier) in the network.")
            }
        case .tollFree:
            let id = order.newRespOrg ?? ""
            if id.count != 5 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                error(blank(order.newRespOrg) ? "required" : "new_resp_org_invalid", "new_resp_org",
                      "A toll-free order needs the new RespOrg id: 5 letters or digits.")
            }
            if blank(order.losingCarrier) {
                error("required", "losing_carrier", "The controlling RespOrg id is required.")
            } else if let index = world.respOrgIndex(named: order.losingCarrier) {
                party = .respOrg(index)
            } else {
                error("unknown_losing_carrier", "losing_carrier", "No RespOrg \(order.losingCarrier) in the registry.")
            }
        default:
            error("number_type_not_supported", "number_type", "The partner ports geographic and toll-free numbers only.")
        }
        if order.numbers.isEmpty { error("required", "numbers", "The order has no numbers.") }
        var seen = Set<String>()
        for (i, text) in order.numbers.enumerated() {
            let field = "numbers[\(i)]"
            guard let number = try? PhoneNumber.parse(text), number.isNANP else {
                error("invalid_number", field, "\(text) is not a valid North American number.", number: text)
                continue
            }
            if !seen.insert(number.e164).inserted {
                error("duplicate_number", field, "\(number.e164) appears twice.", number: number.e164)
                continue
            }
            guard number.type == order.numberType else {
                error("number_type_mismatch", field, "\(number.e164) is \(number.type.rawValue), the order is \(order.numberType.rawValue).",
                      number: number.e164)
                continue
            }
            guard let party else { continue }
            switch party {
            case .carrier(let index):
                let line = world.line(national: number.national, country: number.country)
                if line.carrier != index {
                    error("losing_carrier_mismatch", field,
                          "\(number.e164) is served by \(world.carriers[line.carrier].name) (\(world.carriers[line.carrier].spid)), not \(order.losingCarrier).",
                          number: number.e164)
                }
            case .respOrg(let index):
                let facts = world.tollFree(national: number.national)
                // Spare numbers have no RespOrg; the registry denies them when the order is worked.
                if let owner = facts.respOrg, owner != index {
                    error("losing_carrier_mismatch", field,
                          "\(number.e164) is controlled by RespOrg \(world.respOrgs[owner].id), not \(order.losingCarrier).",
                          number: number.e164)
                }
            }
        }
        return (errors, party)
    }
}
