import CarrierKit
import PortInCore

extension CarrierNetwork {
    /// The CSR of the account holding `request.number`. Wireless carriers release it only with the right
    /// account number and PIN; wireline/VoIP with the number, plus the account number when the carrier's
    /// policy says so. Refusals are `.invalidRequest` with codes `account_number_required`,
    /// `account_number_invalid`, `pin_required`, `pin_invalid` (all that apply); unknown numbers `.notFound`.
    /// The PIN never travels back.
    public func customerServiceRecord(_ request: CSRRequest) async throws(CarrierGatewayError) -> CSRResponse {
        let parsed: PhoneNumber
        do { parsed = try PhoneNumber.parse(request.number) } catch {
            throw .invalidRequest([CarrierError(code: "invalid_number", field: "number",
                                                message: "\(request.number) is not a valid number: \(error.message)")])
        }
        guard parsed.isNANP, parsed.type == .geographic else {
            throw .notFound("no CSR for \(parsed.e164): only geographic NANP numbers have a losing-carrier CSR")
        }
        let world = state.withLock { $0.world }
        let line = world.line(national: parsed.national, country: parsed.country)
        guard let csr = world.customerServiceRecord(for: line) else {
            throw .notFound("no account holds \(parsed.e164) (disconnected)")
        }
        let carrier = world.carriers[line.carrier]
        var errors: [CarrierError] = []
        if carrier.lineType == .wireless || carrier.csrNeedsAccountNumber {
            let given = Normalizer.accountNumber(request.accountNumber ?? "")
            if given.isEmpty {
                errors.append(CarrierError(code: "account_number_required", field: "account_number",
                                           message: "\(carrier.name) releases a CSR only with the account number."))
            } else if given != Normalizer.accountNumber(csr.accountNumber) {
                errors.append(CarrierError(code: "account_number_invalid", field: "account_number",
                                           message: "The account number does not match \(carrier.name)'s records."))
            }
        }
        if carrier.lineType == .wireless, let pin = csr.pin {
            let given = pinKey(request.pin)
            if given.isEmpty {
                errors.append(CarrierError(code: "pin_required", field: "pin",
                                           message: "\(carrier.name) releases a CSR only with the account PIN."))
            } else if given != pinKey(pin) {
                errors.append(CarrierError(code: "pin_invalid", field: "pin", message: "The PIN is not correct."))
            }
        }
        guard errors.isEmpty else { throw .invalidRequest(errors) }
        return CSRResponse(csr, carrier: carrier.identity)
    }
}

/// PINs compare on letters and digits only, case-insensitively.
func pinKey(_ pin: String?) -> String {
    String((pin ?? "").lowercased().filter { $0.isLetter || $0.isNumber })
}
