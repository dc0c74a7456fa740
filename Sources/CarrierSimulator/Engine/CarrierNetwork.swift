import CarrierKit
import Foundation
import PortInCore
import Synchronization

/// The simulated carrier network: the partner carrier (form checks, forwarding), the losing carriers
/// (CSRs, validation, FOC dates, activation) and the toll-free RespOrg registry. Conforms to
/// `CarrierGateway` in-process; deterministic from `seed`; time comes only from the injected clock and
/// nothing happens between calls to `tick()`, which runs the due actions and delivers events to the sink.
public final class CarrierNetwork: CarrierGateway, Sendable {
    /// Most numbers one portability check may carry.
    public static let maxPortabilityNumbers = 20_000

    /// The world's seed.
    public let seed: UInt64
    let clock: any PortInClock
    let state: Mutex<NetworkState>

    /// A network whose world follows from `seed`, with `carriers` and `respOrgs` (default: the rosters).
    public init(seed: UInt64, clock: any PortInClock, sink: any CarrierEventSink = DiscardingEventSink(),
                carriers: [SimulatedCarrier] = SimulatedCarrier.roster, respOrgs: [RespOrg] = RespOrg.roster) {
        self.seed = seed
        self.clock = clock
        let world = SimulatedWorld(seed: seed, carriers: carriers, respOrgs: respOrgs)
        self.state = Mutex(NetworkState(world: world, sink: sink))
    }

    /// Replaces the event sink (e.g. once the HTTP callback client is ready).
    public func setSink(_ sink: any CarrierEventSink) {
        state.withLock { $0.sink = sink }
    }

    /// The losing carriers of the network.
    public var carriers: [SimulatedCarrier] { state.withLock { $0.world.carriers } }

    /// The RespOrgs of the toll-free registry.
    public var respOrgs: [RespOrg] { state.withLock { $0.world.respOrgs } }

    /// A carrier by SPID, slug or name (case-insensitive).
    public func carrier(_ key: String) -> SimulatedCarrier? {
        state.withLock { s in s.world.carrierIndex(named: key).map { s.world.carriers[$0] } }
    }

    // MARK: Admin

    /// Registers explicit subscriber records; they override the generated world for their numbers
    /// (a number on an older record moves to the newer one). Throws without adding anything when one is invalid.
    public func addSubscribers(_ records: [SubscriberRecord]) throws(SubscriberFileError) {
        try state.withLock { (s: inout NetworkState) throws(SubscriberFileError) in
            var world = s.world
            try world.add(records)
            s.world = world
        }
    }

    /// Adds a scenario (forced outcome) for orders containing any of its numbers. Invalid numbers are ignored.
    public func setScenario(_ scenario: SimulatorScenario) {
        let numbers = Set(scenario.numbers.compactMap { try? PhoneNumber.parse($0).e164 })
        state.withLock { $0.scenarios.append(PreparedScenario(numbers: numbers, outcome: scenario.outcome)) }
    }

    /// Removes every scenario.
    public func clearScenarios() {
        state.withLock { $0.scenarios.removeAll() }
    }

    /// Adds a fault. Unknown carriers match nothing; invalid numbers are ignored.
    public func setFault(_ fault: SimulatorFault) {
        let numbers = Set((fault.numbers ?? []).compactMap { try? PhoneNumber.parse($0).e164 })
        state.withLock { s in
            let carrier = fault.carrier.flatMap { s.world.carrierIndex(named: $0) }
            let respOrg = fault.carrier.flatMap { s.world.respOrgIndex(named: $0) }
            // A named but unknown carrier must not widen the fault to everything.
            let unknown = fault.carrier != nil && carrier == nil && respOrg == nil
            s.faults.append(PreparedFault(fault: fault, carrier: unknown ? -1 : carrier, respOrg: respOrg,
                                          numbers: numbers, remaining5xx: fault.http5xxCount))
        }
    }

    /// Removes every fault and restarts the rate-fault draw stream (scenarios stay; see `clearScenarios`).
    public func clearFaults() {
        state.withLock {
            $0.faults.removeAll()
            $0.httpCalls = 0
        }
    }

    /// The HTTP-level fault for one call to `route` (a path such as `/v1/portability`) about `numbers`,
    /// or nil. Counting faults are consumed by this call; rate faults draw deterministically per call.
    public func httpFault(for route: String, numbers: [String]) -> HTTPFault? {
        state.withLock { s in
            guard !s.faults.isEmpty else { return nil }
            s.httpCalls += 1
            let call = s.httpCalls
            var result = HTTPFault()
            var any = false
            // Only the numbers' carriers are looked up, and only when a fault is carrier-scoped.
            let scoped = s.faults.contains { $0.carrier != nil || $0.respOrg != nil }
            let parties: [LosingParty] = scoped ? Array(Set(numbers.prefix(1000).compactMap { s.party(of: $0) })) : []
            let normalised = s.faults.contains { !$0.numbers.isEmpty }
                ? numbers.map { (try? PhoneNumber.parse($0).e164) ?? $0 } : []
            for i in s.faults.indices {
                let fault = s.faults[i]
                if let routes = fault.fault.routes, !routes.contains(where: { route.hasPrefix($0) }) { continue }
                let hit = (parties.isEmpty ? [nil] : parties.map(Optional.some)).contains {
                    fault.matches(party: $0, numbers: normalised)
                }
                guard hit else { continue }
                if let ms = fault.fault.slowMs, ms > 0 {
                    result.delayMilliseconds = max(result.delayMilliseconds, ms)
                    any = true
                }
                if let remaining = fault.remaining5xx, remaining > 0 {
                    s.faults[i].remaining5xx = remaining - 1
                    result.status = fault.fault.httpStatus ?? 503
                    any = true
                } else if let rate = fault.fault.http5xxRate, rate > 0 {
                    let draw = Double(WorldHash.hash(s.world.seed, Salt.fault.rawValue, call) % 1_000_000) / 1_000_000
                    if draw < rate {
                        result.status = fault.fault.httpStatus ?? 503
                        any = true
                    }
                }
            }
            return any ? result : nil
        }
    }

    /// The simulator's view of an order, or nil when the PON is unknown.
    public func order(pon: String) -> SimulatedOrderView? {
        state.withLock { s in
            guard let o = s.orders[pon] else { return nil }
            let losing: String = switch o.party {
            case .carrier(let i): s.world.carriers[i].spid
            case .respOrg(let i): s.world.respOrgs[i].id
            }
            return SimulatedOrderView(
                pon: o.pon, orderId: o.orderId, version: o.latestVersion, status: o.status,
                numberType: o.order.numberType, losingCarrier: losing, numbers: o.order.numbers, focDate: o.focDate,
                activatedNumbers: o.activated, events: o.events,
                nextActionAt: s.schedule.first { $0.pon == pon }?.due, supplementType: o.order.supplementType,
                portingIndicator: o.order.portingIndicator, btn: o.order.btn, newBTN: o.order.newBTN,
                serviceAddress: o.order.serviceAddress, newRespOrg: o.order.newRespOrg,
                pinReceived: !(o.order.pin ?? "").isEmpty)
        }
    }

    // MARK: Time

    /// When the next scheduled action is due (nil when nothing is scheduled): drivers advance to it and tick.
    public func nextDueDate() -> Date? {
        state.withLock { $0.schedule.first?.due }
    }

    /// Runs every action due at `clock.now()` in due order (actions they schedule that are already due
    /// run too), then delivers the resulting events to the sink in order. Call from one driver at a time.
    public func tick() async {
        let now = clock.now()
        let (events, sink) = state.withLock { s -> ([CarrierEvent], any CarrierEventSink) in
            var out: [CarrierEvent] = []
            while let first = s.schedule.first, first.due <= now {
                s.schedule.removeFirst()
                s.run(first, into: &out)
            }
            return (out, s.sink)
        }
        for event in events { await sink.deliver(event) }
    }
}

extension NetworkState {
    /// The losing party of a number (carrier or RespOrg), nil for invalid or unowned numbers.
    func party(of text: String) -> LosingParty? {
        let c = PhoneNumberClassifier.classify(text)
        guard c.isValid, c.countryCallingCode == 1 else { return nil }
        let national = c.nationalDigits
        switch c.type {
        case .geographic?: return .carrier(world.line(national: national, country: c.region).carrier)
        case .tollFree?: return world.tollFree(national: national).respOrg.map { .respOrg($0) }
        default: return nil
        }
    }
}
