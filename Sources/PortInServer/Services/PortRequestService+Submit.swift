import CarrierKit
import Foundation
import PortInCore
import PortInStore

extension PortRequestService {
    static let submittable: [PortStatus] = [.draft, .actionRequired]

    /// Runs every validation rule and the CSR pre-check; all problems come back at once (422).
    /// A request that passes moves to `submitted` with the next version, and the order is scheduled
    /// for the partner carrier in the same transaction.
    func submit(account: Account, id: String) async throws -> StoredPortRequest {
        guard let current = try await store.portRequests.find(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        guard Self.submittable.contains(current.status) else {
            throw Problem.wrongStatus(current.status, action: "submitted", allowed: Self.submittable)
        }
        var draft = current.draft
        // The clear PIN exists only in this scope: validation checks it is there, the CSR call carries it.
        draft.pin = try await store.portRequests.revealPIN(id: id)
        let numbers = current.numbers.map(\.e164)

        let answers: [PortabilityResult]
        do {
            answers = try await gateway.checkPortability(PortabilityCheckRequest(numbers: numbers)).results
        } catch {
            throw Problem.carrier(error)
        }
        var routes: [String: NumberRoute] = [:]
        var carriers: [String: LosingCarrierProfile] = [:]
        // A resubmission's numbers are still held by its own open order at the carrier (`pending_port`):
        // that is the order the supplement corrects, not a reason to refuse it.
        let ownOrderOpen = current.version >= 1 && current.status == .actionRequired
        for answer in answers where answer.portable || (ownOrderOpen && answer.reason == "pending_port") {
            guard let carrier = answer.losingCarrier else { continue }
            routes[answer.number] = NumberRoute(e164: answer.number, losingCarrier: carrier.spid, numberType: answer.numberType ?? .other,
                                                pinSet: answer.pinRequired, simplePortEligible: answer.simplePort)
            carriers[carrier.spid] = Self.profile(for: carrier)
        }
        let context = ValidationContext(now: clock.now(), routes: routes, carriers: carriers,
                                        limits: ValidationLimits(maxNumbersPerRequest: limits.maxNumbersPerRequest))
        var errors = PortRequestValidator.validate(draft, context: context).problems.map(FieldError.init)
        if draft.kind == .local, let first = numbers.first {
            errors += try await csrPreCheck(draft, number: first)
        }
        guard errors.allSatisfy({ $0.severity == "warning" }) else {
            throw Problem.validation(errors, detail: "Fix these and submit again; nothing was sent to the carrier.")
        }
        // Version 1 is the first order; each resubmission is a supplement with the next version.
        let calendar = self.calendar
        return try await move(current, to: .submitted, actor: .customer(account.id), reason: nil,
                              change: StatusChange(from: current.status, to: .submitted, reasons: [], bumpVersion: true)) { tx, updated, now in
            try await tx.schedule(.submitOrder, requestId: updated.id, version: updated.version, at: now, now: now)
            try await tx.scheduleNoAnswerCheck(updated, calendar: calendar, now: now)
        }
    }

    /// What we assume of a carrier we only know from a portability answer: wireless carriers always
    /// want the PIN, others only when the subscriber set one.
    static func profile(for carrier: CarrierIdentity) -> LosingCarrierProfile {
        LosingCarrierProfile(id: carrier.spid, name: carrier.name, lineType: carrier.lineType,
                             pinPolicy: carrier.lineType == .wireless ? .required : .whenSet)
    }

    /// Fetches the CSR through the gateway and compares it field by field with the request, as the
    /// losing carrier will: the problems to fix before submitting.
    func csrPreCheck(_ draft: PortRequestDraft, number: String) async throws -> [FieldError] {
        switch try await csrCheck(draft, number: number) {
        case .unavailable:
            // The pre-check only spares a rejection; the carrier still validates on submission.
            return []
        case .refused(let errors):
            return errors
        case .compared(_, let comparisons):
            return comparisons.compactMap { comparison in
                switch comparison.result {
                case .match:
                    return nil
                case .mismatch(_, let onRecord):
                    return FieldError(field: comparison.field, code: "csr_mismatch",
                                      message: "Does not match the losing carrier's record; enter it exactly as on the bill.",
                                      onRecord: onRecord == FieldMatch.redacted ? nil : onRecord)
                case .missing(let onRecord):
                    return FieldError(field: comparison.field, code: "csr_missing",
                                      message: "The losing carrier has this on record; enter it.",
                                      onRecord: onRecord == FieldMatch.redacted ? nil : onRecord)
                }
            }
        }
    }
}
