import Foundation

/// The port request lifecycle: which status changes exist, who may trigger each, and which must say why.
/// Drawn and explained in docs/state-machine.md; a test keeps that diagram and `rules` in agreement.
public enum PortStateMachine {
    /// One allowed transition.
    public struct Rule: Sendable, Hashable {
        public let from: PortStatus
        public let to: PortStatus
        /// Actor kinds that may trigger it besides ops (ops may trigger every rule, always with a reason).
        public let triggeredBy: Set<PortActor.Kind>
        /// The event must carry a non-blank reason whoever triggers it.
        public let requiresReason: Bool
    }

    /// The explicit table every other view is derived from.
    public static let rules: [Rule] = {
        let customer: Set<PortActor.Kind> = [.customer]
        let carrier: Set<PortActor.Kind> = [.carrier]
        let system: Set<PortActor.Kind> = [.system]
        // Our timers may declare these on the carrier's behalf (no response, FOC lapsed, activation seen).
        let carrierOrSystem: Set<PortActor.Kind> = [.carrier, .system]
        func rule(_ from: PortStatus, _ to: PortStatus, _ by: Set<PortActor.Kind>, reason: Bool = false) -> Rule {
            // Moving to action_required always needs the reason the customer must act on.
            Rule(from: from, to: to, triggeredBy: by, requiresReason: reason || to == .actionRequired)
        }
        return [
            rule(.draft, .submitted, customer),
            rule(.draft, .cancelled, customer),
            rule(.draft, .expired, system),

            rule(.submitted, .carrierReview, carrier),
            rule(.submitted, .actionRequired, carrierOrSystem),
            rule(.submitted, .cancelRequested, customer),

            rule(.carrierReview, .pendingLosingCarrier, carrier),
            rule(.carrierReview, .actionRequired, carrier),
            rule(.carrierReview, .cancelRequested, customer),

            rule(.pendingLosingCarrier, .focConfirmed, carrier),
            rule(.pendingLosingCarrier, .actionRequired, carrierOrSystem),
            rule(.pendingLosingCarrier, .cancelRequested, customer),

            // The one same-state rule: a new FOC date is a real, notifiable event, but not a new status.
            rule(.focConfirmed, .focConfirmed, carrier, reason: true),
            rule(.focConfirmed, .completed, carrierOrSystem),
            rule(.focConfirmed, .actionRequired, carrierOrSystem),
            rule(.focConfirmed, .cancelRequested, customer),

            rule(.actionRequired, .submitted, customer),
            // Nothing is live at the carrier after a plain rejection: the customer can just cancel.
            rule(.actionRequired, .cancelled, customer),
            // ...but after an FOC-stage failure the carrier's order is still open and needs a cancel SUP.
            rule(.actionRequired, .cancelRequested, customer),
            rule(.actionRequired, .expired, system),

            rule(.cancelRequested, .cancelled, carrier),
            // The carrier refused the cancel (e.g. inside its 24-48 h freeze): back where it was, saying why.
            rule(.cancelRequested, .pendingLosingCarrier, carrier, reason: true),
            rule(.cancelRequested, .focConfirmed, carrier, reason: true),
        ]
    }()

    /// Allowed targets for each status; terminal statuses map to an empty set.
    public static let transitions: [PortStatus: Set<PortStatus>] = {
        var table = Dictionary(uniqueKeysWithValues: PortStatus.allCases.map { ($0, Set<PortStatus>()) })
        for rule in rules { table[rule.from, default: []].insert(rule.to) }
        return table
    }()

    private static let rulesByPair: [Pair: Rule] =
        Dictionary(uniqueKeysWithValues: rules.map { (Pair(from: $0.from, to: $0.to), $0) })

    private struct Pair: Hashable {
        let from: PortStatus
        let to: PortStatus
    }

    /// The rule for a pair, or nil when the pair is not allowed.
    public static func rule(from: PortStatus, to: PortStatus) -> Rule? {
        rulesByPair[Pair(from: from, to: to)]
    }

    /// Whether the table allows the pair at all (for some actor).
    public static func canTransition(from: PortStatus, to: PortStatus) -> Bool {
        transitions[from]?.contains(to) ?? false
    }

    /// Checks the pair, the actor's kind and the reason, and returns the event to append.
    public static func transition(
        from: PortStatus, to: PortStatus, actor: PortActor, at: Date, reason: String?
    ) throws(InvalidTransition) -> PortEvent {
        guard let rule = rule(from: from, to: to) else {
            throw InvalidTransition(from: from, to: to, cause: .notAllowed)
        }
        let kind = actor.kind
        guard kind == .ops || rule.triggeredBy.contains(kind) else {
            throw InvalidTransition(from: from, to: to, cause: .actorNotPermitted(kind))
        }
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let given = trimmed.flatMap { $0.isEmpty ? nil : $0 }
        // Ops moves are manual overrides: the audit trail must say why.
        if given == nil && (rule.requiresReason || kind == .ops) {
            throw InvalidTransition(from: from, to: to, cause: .reasonRequired)
        }
        return PortEvent(from: from, to: to, actor: actor, at: at, reason: given)
    }
}
