import CarrierKit
import Foundation
import PortInCore

/// What the losing carrier's CSR says about a request: every compared field (matches too), or why
/// there is nothing to compare. The submit pre-check and the ops console's CSR diff both read it.
enum CSRCheck: Sendable {
    /// The record and each field compared with it; fields the carrier withheld are left out, and the
    /// PIN is never compared here.
    case compared(CSRResponse, [FieldComparison])
    /// The carrier refused the lookup (bad account number, no record): the problems, by field.
    case refused([FieldError])
    /// The carrier could not be asked (down, timed out).
    case unavailable
}

extension PortRequestService {
    /// Fetches the CSR of `number` through the gateway and compares `draft` with it field by field.
    func csrCheck(_ draft: PortRequestDraft, number: String) async throws -> CSRCheck {
        let csr: CSRResponse
        do {
            csr = try await gateway.customerServiceRecord(CSRRequest(number: number, accountNumber: draft.accountNumber, pin: draft.pin))
        } catch .invalidRequest(let refusals) {
            return .refused(refusals.map {
                FieldError(field: $0.field ?? "account_number", code: "csr_" + $0.code, message: $0.message)
            })
        } catch .notFound {
            return .refused([FieldError(field: "numbers[0]", code: "csr_not_found",
                                        message: "The losing carrier has no account record for this number; check it is still in service.")])
        } catch {
            return .unavailable
        }
        let address = csr.serviceAddress
            ?? ServiceAddress(houseNumber: "", street: "", city: "", state: "", postalCode: "", country: draft.country)
        let record = CustomerServiceRecord(
            accountNumber: csr.accountNumber ?? "", btn: csr.btn ?? "", subscriberType: csr.subscriberType ?? draft.subscriberType,
            businessName: csr.businessName, firstName: csr.firstName, lastName: csr.lastName,
            authorizedName: csr.authorizedName ?? "", serviceAddress: address, numbers: csr.numbers)
        var withheld: Set<String> = []
        if csr.accountNumber == nil { withheld.insert("account_number") }
        if csr.btn == nil { withheld.insert("btn") }
        if csr.authorizedName == nil { withheld.insert("authorized_person.name") }
        if csr.businessName == nil { withheld.insert("business_name") }
        if csr.firstName == nil { withheld.insert("first_name") }
        if csr.lastName == nil { withheld.insert("last_name") }
        let comparisons = CSRMatcher.compare(draft, with: record).filter { comparison in
            !withheld.contains(comparison.field) && comparison.field != "pin"
                && !(csr.serviceAddress == nil && comparison.field.hasPrefix("service_address."))
        }
        return .compared(csr, comparisons)
    }
}
