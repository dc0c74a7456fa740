import CarrierKit
import PortInCore
import PortInStore

/// What we know about one number a customer wants to port.
struct PortabilityOutcome: Sendable {
    var input: String
    /// E.164 when the input parsed.
    var e164: String?
    /// True when the number can go into a new port request now.
    var portable: Bool
    /// Stable code when not portable: an `InvalidNumberReason`, the carrier's reason,
    /// `duplicate`, `already_in_account` or `already_in_open_request`.
    var reason: String?
    var message: String?
    var numberType: NumberType?
    var losingCarrier: CarrierIdentity?
    var rateCenter: String?
    var pinRequired: Bool = false
    var simplePort: Bool = false
    var inAccount: Bool = false
    var inOpenRequest: Bool = false
    /// The parsed number's country (ISO alpha-2), when it has one.
    var country: String?
}

/// Parses numbers, asks the partner carrier about the valid ones in one call, and marks those
/// already in an account here or in an open port request.
struct PortabilityService: Sendable {
    let gateway: any CarrierGateway
    let store: Store

    func check(_ inputs: [String]) async throws -> [PortabilityOutcome] {
        var outcomes: [PortabilityOutcome] = []
        outcomes.reserveCapacity(inputs.count)
        var firstIndex: [String: Int] = [:]
        var toAsk: [String] = []
        for input in inputs {
            do {
                let number = try PhoneNumber.parse(input)
                if firstIndex[number.e164] != nil {
                    outcomes.append(PortabilityOutcome(input: input, e164: number.e164, portable: false, reason: "duplicate",
                                                       message: "This number is listed more than once.",
                                                       numberType: number.type, country: number.country))
                    continue
                }
                firstIndex[number.e164] = outcomes.count
                toAsk.append(number.e164)
                outcomes.append(PortabilityOutcome(input: input, e164: number.e164, portable: false, numberType: number.type,
                                                   country: number.country))
            } catch {
                outcomes.append(PortabilityOutcome(input: input, e164: nil, portable: false, reason: error.reason.rawValue,
                                                   message: error.reason.message))
            }
        }
        guard !toAsk.isEmpty else { return outcomes }

        let answers = try await ask(toAsk)
        let inventory = try await store.numbers.inventoryStatus(of: toAsk)
        let open = try await store.portRequests.openRequestIds(for: toAsk)
        for answer in answers {
            guard let index = firstIndex[answer.number] else { continue }
            var outcome = outcomes[index]
            outcome.portable = answer.portable
            outcome.reason = answer.portable ? nil : (answer.reason ?? "not_portable")
            outcome.message = answer.portable ? nil : "The carrier says this number cannot be ported."
            outcome.numberType = answer.numberType ?? outcome.numberType
            outcome.losingCarrier = answer.losingCarrier
            outcome.rateCenter = answer.rateCenter
            outcome.pinRequired = answer.pinRequired
            outcome.simplePort = answer.simplePort
            outcome.inAccount = inventory[answer.number] != nil
            outcome.inOpenRequest = open[answer.number] != nil
            if outcome.portable && outcome.inAccount {
                outcome.portable = false
                outcome.reason = "already_in_account"
                outcome.message = "This number is already in an account here."
            } else if outcome.portable && outcome.inOpenRequest {
                outcome.portable = false
                outcome.reason = "already_in_open_request"
                outcome.message = "This number is already in an open port request."
            } else if outcome.portable && answer.losingCarrier == nil {
                outcome.portable = false
                outcome.reason = "carrier_unknown"
                outcome.message = "The carrier did not say who holds this number."
            }
            outcomes[index] = outcome
        }
        return outcomes
    }

    /// One gateway call per 20,000 numbers (the partner's limit).
    private func ask(_ numbers: [String]) async throws -> [PortabilityResult] {
        var results: [PortabilityResult] = []
        results.reserveCapacity(numbers.count)
        for start in stride(from: 0, to: numbers.count, by: 20_000) {
            let chunk = Array(numbers[start..<min(numbers.count, start + 20_000)])
            do {
                results += try await gateway.checkPortability(PortabilityCheckRequest(numbers: chunk)).results
            } catch {
                throw Problem.carrier(error)
            }
        }
        return results
    }
}

extension Problem {
    /// A gateway failure as the customer sees it: the carrier is the one at fault, not them.
    static func carrier(_ error: CarrierGatewayError) -> Problem {
        switch error {
        case .invalidRequest(let errors):
            return Problem.validation(errors.map { FieldError(field: $0.field ?? "body", code: $0.code, message: $0.message) },
                                      detail: "The partner carrier refused the request.")
        default:
            return Problem(.serviceUnavailable, code: "carrier_unavailable", title: "The partner carrier is unavailable",
                           detail: "Try again shortly; nothing was changed.")
        }
    }
}
