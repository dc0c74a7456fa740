import CarrierKit
import Foundation
import PortInCore

/// Running scheduled actions: the partner's steps, the losing carrier's answer, activation.
extension NetworkState {
    /// Carrier-local hour the losing carrier's answers (FOC / reject / exceptions) go out.
    static let answerHour = 14
    /// Carrier-local hour activation happens on the FOC date.
    static let activationHour = 10

    mutating func run(_ action: ScheduledAction, into out: inout [CarrierEvent]) {
        guard let order = orders[action.pon] else { return }
        let at = action.due, pon = action.pon, version = action.version
        switch action.kind {
        case .received:
            emit(.received, pon: pon, version: version, at: at, into: &out)
        case .verified:
            emit(.verified, pon: pon, version: version, at: at, into: &out)
        case .sentToLosingCarrier:
            orders[pon]?.sentAt = at
            emit(.sentToLosingCarrier, pon: pon, version: version, at: at, into: &out)
            scheduleAnswer(order, version: version, sentAt: at)
        case .answer(let dueDateOnly):
            answer(order, version: version, at: at, dueDateOnly: dueDateOnly, into: &out)
        case .noResponse:
            orders[pon]?.status = .noResponse
            emit(.exception, pon: pon, version: version, at: at, exception: "losing_carrier_no_response",
                 message: "The losing carrier did not answer within its response time; the partner escalated.", into: &out)
        case .escalate:
            emit(.exception, pon: pon, version: version, at: at, exception: "resp_org_escalated",
                 message: "The controlling RespOrg did not answer within 2 business days; escalated to the registry help desk.",
                 into: &out)
            if !forced(order).noResponse {
                let cal = calendar(of: order.party)
                let day = cal.adding(businessDays: 2, to: cal.localDate(of: at))
                schedule(.answer(dueDateOnly: false), pon: pon, version: version,
                         at: Self.instant(day, hour: Self.answerHour, in: cal.timeZone))
            }
        case .activate:
            let numbers = order.order.numbers.filter { !order.activated.contains($0) }
            if forced(order).failActivation {
                orders[pon]?.status = .activationFailed
                emit(.exception, pon: pon, version: version, at: at, exception: "activation_failed",
                     message: "Activation on the FOC date failed; activate on demand to retry.", into: &out)
            } else {
                activateNumbers(numbers, order: order, version: version, at: at, into: &out)
            }
        case .activateOnDemand(let numbers):
            activateNumbers(numbers.filter { !order.activated.contains($0) }, order: order, version: version, at: at, into: &out)
        case .cancelled:
            emit(.cancelled, pon: pon, version: version, at: at, into: &out)
        }
    }

    private mutating func activateNumbers(_ numbers: [String], order: OrderRecord, version: Int, at: Date,
                                          into out: inout [CarrierEvent]) {
        guard !numbers.isEmpty else { return }
        let day = calendar(of: order.party).localDate(of: at)
        orders[order.pon]?.activated.append(contentsOf: numbers)
        let all = order.order.numbers.allSatisfy { orders[order.pon]!.activated.contains($0) }
        orders[order.pon]?.status = all ? .activated : .focConfirmed
        if all {
            dropActions(pon: order.pon)
            releaseNumbers(of: order.pon)
        }
        emit(.activated, pon: order.pon, version: version, at: at,
             numbers: numbers.map { CarrierEvent.NumberDate(number: $0, date: day) }, into: &out)
    }

    // MARK: The answer

    private mutating func scheduleAnswer(_ order: OrderRecord, version: Int, sentAt: Date) {
        let cal = calendar(of: order.party)
        let received = cal.receivedDay(for: sentAt)
        let force = forced(order)
        let key = WorldHash.fnv1a(order.pon) ^ UInt64(version)
        func at(_ day: CivilDate) -> Date { max(Self.instant(day, hour: Self.answerHour, in: cal.timeZone), sentAt) }
        switch order.party {
        case .carrier(let index):
            let carrier = world.carriers[index]
            if order.dueDateOnly {
                schedule(.answer(dueDateOnly: true), pon: order.pon, version: version,
                         at: at(cal.adding(businessDays: 1 + force.delay, to: received)))
            } else if force.noResponse {
                // The partner waits out the carrier's longest response time, then raises an exception.
                let day = cal.adding(businessDays: carrier.responseDelay.upperBound + 1 + force.delay, to: received)
                schedule(.noResponse, pon: order.pon, version: version, at: at(day))
            } else {
                let delay = WorldHash.pick(WorldHash.hash(world.seed, Salt.delay.rawValue, key), in: carrier.responseDelay)
                schedule(.answer(dueDateOnly: false), pon: order.pon, version: version,
                         at: at(cal.adding(businessDays: delay + force.delay, to: received)))
            }
        case .respOrg:
            // Most RespOrgs answer within their 2 business days; about 1 in 5 lets the window pass.
            let draw = WorldHash.hash(world.seed, Salt.respOrgAnswer.rawValue, key)
            if force.noResponse || draw % 100 >= 80 {
                schedule(.escalate, pon: order.pon, version: version,
                         at: at(cal.adding(businessDays: 2 + force.delay, to: received)))
            } else {
                schedule(.answer(dueDateOnly: order.dueDateOnly), pon: order.pon, version: version,
                         at: at(cal.adding(businessDays: 1 + Int((draw >> 8) % 2) + force.delay, to: received)))
            }
        }
    }

    private mutating func answer(_ order: OrderRecord, version: Int, at: Date, dueDateOnly: Bool,
                                 into out: inout [CarrierEvent]) {
        let cal = calendar(of: order.party)
        var errors: [CarrierError] = []
        if !dueDateOnly {
            switch order.party {
            case .carrier(let index): errors = losingCarrierErrors(order, carrier: index)
            case .respOrg(let index): errors = respOrgErrors(order, respOrg: index)
            }
            errors += forcedRejections(order)
        }
        guard errors.isEmpty else {
            orders[order.pon]?.status = .rejected
            releaseNumbers(of: order.pon)
            emit(.rejected, pon: order.pon, version: version, at: at, errors: errors, into: &out)
            return
        }
        let answerDay = cal.localDate(of: at)
        var earliest = cal.nextBusinessDay(after: answerDay)
        if !dueDateOnly, case .carrier(let index) = order.party, let sentAt = order.sentAt {
            let lead = cal.adding(businessDays: world.carriers[index].focLeadBusinessDays, to: cal.receivedDay(for: sentAt))
            earliest = max(earliest, lead)
        }
        var foc = max(order.order.desiredDueDate ?? earliest, earliest)
        if !cal.isBusinessDay(foc) { foc = cal.nextBusinessDay(after: foc) }
        orders[order.pon]?.status = .focConfirmed
        orders[order.pon]?.focDate = foc
        dropActions(pon: order.pon)
        schedule(.activate, pon: order.pon, version: version, at: Self.instant(foc, hour: Self.activationHour, in: cal.timeZone))
        emit(.foc, pon: order.pon, version: version, at: at, focDate: foc,
             numbers: order.order.numbers.map { CarrierEvent.NumberDate(number: $0, date: foc) }, into: &out)
    }

    // MARK: Events and faults

    /// Records an event on its order and queues it for delivery, applying the order's callback faults.
    mutating func emit(_ type: CarrierEvent.Kind, pon: String, version: Int, at: Date, focDate: CivilDate? = nil,
                       numbers: [CarrierEvent.NumberDate]? = nil, errors: [CarrierError]? = nil,
                       exception: String? = nil, message: String? = nil, into out: inout [CarrierEvent]) {
        guard var order = orders[pon] else { return }
        order.eventSeq += 1
        let seq = String(order.eventSeq)
        let event = CarrierEvent(
            eventId: "\(order.orderId)-v\(version)-" + String(repeating: "0", count: max(0, 3 - seq.count)) + seq,
            type: type, pon: pon, version: version, orderId: order.orderId, occurredAt: at, focDate: focDate,
            numbers: numbers, errors: errors, exceptionCode: exception, message: message)
        order.events.append(event)
        let faults = deliveryFaults(order)
        var batch = [event]
        if faults.outOfOrder, type == .verified {
            order.held.append(event)
            batch = []
        } else if type != .received, type != .verified, type != .sentToLosingCarrier, !order.held.isEmpty {
            batch += order.held
            order.held = []
        }
        orders[pon] = order
        for e in batch {
            out.append(e)
            if faults.duplicate { out.append(e) }
        }
    }

    func deliveryFaults(_ order: OrderRecord) -> (duplicate: Bool, outOfOrder: Bool, noResponse: Bool) {
        var result = (duplicate: false, outOfOrder: false, noResponse: false)
        for f in faults where f.matches(party: order.party, numbers: order.order.numbers) {
            result.duplicate = result.duplicate || f.fault.duplicateCallbacks
            result.outOfOrder = result.outOfOrder || f.fault.outOfOrderCallbacks
            result.noResponse = result.noResponse || f.fault.noResponse
        }
        return result
    }

    /// Scenario outcomes (and the no-response fault) that apply to an order.
    func forced(_ order: OrderRecord) -> (delay: Int, noResponse: Bool, failActivation: Bool, codes: [String]) {
        var result = (delay: 0, noResponse: deliveryFaults(order).noResponse, failActivation: false, codes: [String]())
        for scenario in scenarios where order.order.numbers.contains(where: { scenario.numbers.contains($0) }) {
            switch scenario.outcome {
            case .reject(let codes): result.codes += codes
            case .delay(let days): result.delay += max(0, days)
            case .noResponse: result.noResponse = true
            case .failActivation: result.failActivation = true
            }
        }
        return result
    }

    private func forcedRejections(_ order: OrderRecord) -> [CarrierError] {
        let codes = forced(order).codes
        guard !codes.isEmpty else { return [] }
        let number = order.order.numbers.first { n in scenarios.contains { $0.numbers.contains(n) } }
        let carrierID: String = switch order.party {
        case .carrier(let i): world.carriers[i].spid
        case .respOrg(let i): world.respOrgs[i].id
        }
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }.map { code in
            let entry = RejectionCatalog.entry(for: RejectionCatalog.map(carrierCode: code, carrier: carrierID))
            return CarrierError(code: code, field: entry.fields.first, message: entry.title, number: number)
        }
    }

    /// A carrier-local wall-clock time on a date.
    static func instant(_ date: CivilDate, hour: Int, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour))!
    }
}
