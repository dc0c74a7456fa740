import CarrierKit
import Foundation
import PortInCore

/// Everything the network knows, guarded by one lock in `CarrierNetwork`.
struct NetworkState: Sendable {
    var world: SimulatedWorld
    var sink: any CarrierEventSink
    var orders: [String: OrderRecord] = [:]
    /// Future actions, sorted by (due, seq).
    var schedule: [ScheduledAction] = []
    var nextSeq = 0
    var scenarios: [PreparedScenario] = []
    var faults: [PreparedFault] = []
    /// HTTP calls seen by `httpFault`, the stream position for rate-based faults.
    var httpCalls: UInt64 = 0
    /// E.164 -> PON of the open order holding it.
    var openNumbers: [String: String] = [:]

    init(world: SimulatedWorld, sink: any CarrierEventSink) {
        self.world = world
        self.sink = sink
    }

    mutating func schedule(_ kind: ScheduledAction.Kind, pon: String, version: Int, at due: Date) {
        let action = ScheduledAction(due: due, seq: nextSeq, pon: pon, version: version, kind: kind)
        nextSeq += 1
        // Binary search for the first action due later; equal times keep insertion order.
        var lo = 0, hi = schedule.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if schedule[mid].due <= due { lo = mid + 1 } else { hi = mid }
        }
        schedule.insert(action, at: lo)
    }

    /// Drops every pending action of an order (all of them, or those of versions before `version`).
    mutating func dropActions(pon: String, before version: Int? = nil) {
        schedule.removeAll { action in action.pon == pon && (version.map { action.version < $0 } ?? true) }
    }

    mutating func releaseNumbers(of pon: String) {
        guard let order = orders[pon] else { return }
        for number in order.order.numbers where openNumbers[number] == pon { openNumbers[number] = nil }
    }
}

/// A future step of an order.
struct ScheduledAction: Sendable {
    enum Kind: Sendable, Hashable {
        case received, verified, sentToLosingCarrier
        /// The losing carrier's (or RespOrg's) answer; `dueDateOnly` for a due-date supplement.
        case answer(dueDateOnly: Bool)
        /// The partner gives up waiting and raises `losing_carrier_no_response`.
        case noResponse
        /// The RespOrg did not answer within 2 business days: escalated to the registry help desk.
        case escalate
        /// Activation on the FOC date (scheduled).
        case activate
        /// Activation asked for on demand, for these numbers.
        case activateOnDemand([String])
        case cancelled
    }

    let due: Date
    let seq: Int
    let pon: String
    let version: Int
    let kind: Kind
}

/// Who answers an order: a losing carrier or, for toll-free, the controlling RespOrg.
enum LosingParty: Sendable, Hashable {
    case carrier(Int)
    case respOrg(Int)
}

/// One order (all its versions) at the simulated partner.
struct OrderRecord: Sendable {
    let pon: String
    let orderId: String
    /// Acks of accepted versions, for idempotent replays.
    var acks: [Int: OrderAck] = [:]
    var latestVersion: Int
    /// The latest accepted order content (cancels do not change it).
    var order: PortOrder
    var party: LosingParty
    var status: SimulatedOrderStatus = .pending
    var focDate: CivilDate?
    var activated: [String] = []
    var events: [CarrierEvent] = []
    var eventSeq = 0
    /// Events held back by an out-of-order fault.
    var held: [CarrierEvent] = []
    /// When the current version reached the losing carrier.
    var sentAt: Date?
    /// The current version only moves the due date of an existing FOC.
    var dueDateOnly = false

    init(pon: String, orderId: String, order: PortOrder, party: LosingParty) {
        self.pon = pon
        self.orderId = orderId
        self.latestVersion = order.version
        self.order = order
        self.party = party
    }

    var isClosed: Bool { status == .activated || status == .cancelled }
}

struct PreparedScenario: Sendable {
    let numbers: Set<String>
    let outcome: SimulatorScenario.Outcome
}

struct PreparedFault: Sendable {
    let fault: SimulatorFault
    /// Carrier index or RespOrg index the fault is scoped to.
    let carrier: Int?
    let respOrg: Int?
    let numbers: Set<String>
    var remaining5xx: Int?

    /// True when the fault covers everything, this party, or one of these numbers.
    func matches(party: LosingParty?, numbers given: [String]) -> Bool {
        if carrier == nil, respOrg == nil, numbers.isEmpty { return true }
        if let carrier, party == .carrier(carrier) { return true }
        if let respOrg, party == .respOrg(respOrg) { return true }
        return !numbers.isEmpty && given.contains { numbers.contains($0) }
    }
}
