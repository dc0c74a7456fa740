/// A status change the state machine refused; the description names both states and the cause.
public struct InvalidTransition: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a transition was refused.
    public enum Cause: Sendable, Hashable {
        /// The pair is not in `PortStateMachine.transitions`.
        case notAllowed
        /// The pair is allowed, but not for this kind of actor.
        case actorNotPermitted(PortActor.Kind)
        /// The pair is allowed, but this transition must say why.
        case reasonRequired
    }

    public let from: PortStatus
    public let to: PortStatus
    public let cause: Cause

    public init(from: PortStatus, to: PortStatus, cause: Cause = .notAllowed) {
        self.from = from
        self.to = to
        self.cause = cause
    }

    public var description: String {
        let head = "invalid transition from \(from.rawValue) to \(to.rawValue)"
        switch cause {
        case .notAllowed: return "\(head): not allowed"
        case .actorNotPermitted(let kind): return "\(head): a \(kind.rawValue) may not trigger it"
        case .reasonRequired: return "\(head): a reason is required"
        }
    }
}
