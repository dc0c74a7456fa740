import CarrierKit
import Foundation
import PortInCore

extension CarrierNetwork {
    /// A new order (version 1). Form errors come back at once (`accepted: false`, every error, nothing
    /// stored, so the same PON may be sent again corrected). An accepted order gets `received` now,
    /// `verified` +1 h, `sent_to_losing_carrier` +2 h, then the carrier's answer. The same PON + version
    /// again returns the first ack with `duplicate: true` and creates nothing.
    public func submit(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck {
        let now = clock.now()
        return state.withLock { s in
            let order = normalised(order)
            let orderId = orderId(for: order.pon)
            if let existing = s.orders[order.pon] {
                if var ack = existing.acks[order.version] {
                    ack.duplicate = true
                    return ack
                }
                return OrderAck(pon: order.pon, version: order.version, orderId: orderId, accepted: false, errors: [
                    CarrierError(code: "pon_exists", field: "pon",
                                 message: "PON \(order.pon) already has an order; send changes as supplements (version \(existing.latestVersion + 1))."),
                ])
            }
            let check = s.formErrors(order, expectedVersion: 1, now: now)
            guard check.errors.isEmpty, let party = check.party else {
                return OrderAck(pon: order.pon, version: order.version, orderId: orderId, accepted: false, errors: check.errors)
            }
            var record = OrderRecord(pon: order.pon, orderId: orderId, order: order, party: party)
            let ack = OrderAck(pon: order.pon, version: 1, orderId: orderId, accepted: true)
            record.acks[1] = ack
            s.orders[order.pon] = record
            s.start(pon: order.pon, version: 1, dueDateOnly: false, now: now)
            return ack
        }
    }

    /// A supplement (version = latest + 1). `due_date`: a new FOC date within the same order when it already
    /// has one (otherwise treated as `other`); `other`: re-validated from scratch, pending events of older
    /// versions dropped; `cancel`: as `cancel(_:)`. Refused (`foc_window_closed`) from the business day
    /// before the FOC date on, and on closed orders (`order_closed`). Unknown PON: `.notFound`.
    public func supplement(_ order: PortOrder) async throws(CarrierGatewayError) -> OrderAck {
        if order.supplementType == .cancel {
            return try await cancel(CancelOrder(pon: order.pon, version: order.version))
        }
        let now = clock.now()
        return try state.withLock { (s: inout NetworkState) throws(CarrierGatewayError) -> OrderAck in
            let order = normalised(order)
            guard let existing = s.orders[order.pon] else { throw .notFound("order \(order.pon)") }
            if var ack = existing.acks[order.version] {
                ack.duplicate = true
                return ack
            }
            func refuse(_ errors: [CarrierError]) -> OrderAck {
                OrderAck(pon: order.pon, version: order.version, orderId: existing.orderId, accepted: false, errors: errors)
            }
            var (errors, party) = s.formErrors(order, expectedVersion: existing.latestVersion + 1, now: now)
            if party != nil, party != existing.party {
                errors.append(CarrierError(code: "losing_carrier_changed", field: "losing_carrier",
                                           message: "A supplement cannot change the losing carrier; cancel and submit a new PON."))
            }
            if let closed = s.closedError(existing) { errors.append(closed) }
            if let window = s.windowError(existing, now: now) { errors.append(window) }
            guard errors.isEmpty else { return refuse(errors) }
            let ack = OrderAck(pon: order.pon, version: order.version, orderId: existing.orderId, accepted: true)
            // A due-date change needs a FOC to move; otherwise the carrier works the order from scratch.
            let dueDateOnly = order.supplementType == .dueDate && existing.status == .focConfirmed
            var record = existing
            record.acks[order.version] = ack
            record.latestVersion = order.version
            if !dueDateOnly { s.releaseNumbers(of: order.pon) }
            record.order = order
            record.status = .pending
            if !dueDateOnly { record.focDate = nil }
            s.orders[order.pon] = record
            s.dropActions(pon: order.pon, before: order.version)
            s.start(pon: order.pon, version: order.version, dueDateOnly: dueDateOnly, now: now)
            return ack
        }
    }

    /// Cancels an order (a cancel SUP: version = latest + 1). Emits `cancelled` at the next tick and drops
    /// every pending action. Refused on closed orders and from the business day before the FOC date on.
    public func cancel(_ request: CancelOrder) async throws(CarrierGatewayError) -> OrderAck {
        let now = clock.now()
        return try state.withLock { (s: inout NetworkState) throws(CarrierGatewayError) -> OrderAck in
            guard let existing = s.orders[request.pon] else { throw .notFound("order \(request.pon)") }
            if var ack = existing.acks[request.version] {
                ack.duplicate = true
                return ack
            }
            var errors: [CarrierError] = []
            if request.version != existing.latestVersion + 1 {
                errors.append(CarrierError(code: "version_out_of_sequence", field: "version",
                                           message: "Expected version \(existing.latestVersion + 1), got \(request.version)."))
            }
            if let closed = s.closedError(existing) { errors.append(closed) }
            if let window = s.windowError(existing, now: now) { errors.append(window) }
            guard errors.isEmpty else {
                return OrderAck(pon: request.pon, version: request.version, orderId: existing.orderId, accepted: false,
                                errors: errors)
            }
            let ack = OrderAck(pon: request.pon, version: request.version, orderId: existing.orderId, accepted: true)
            s.releaseNumbers(of: request.pon)
            s.orders[request.pon]!.acks[request.version] = ack
            s.orders[request.pon]!.latestVersion = request.version
            s.orders[request.pon]!.status = .cancelled
            s.dropActions(pon: request.pon)
            s.schedule(.cancelled, pon: request.pon, version: request.version, at: now)
            return ack
        }
    }

    /// Activates an order's numbers (all, or `request.numbers`) on demand, on or after the FOC date
    /// (carrier-local). `activated` is emitted at the next tick. Before the FOC date or without a FOC:
    /// `.invalidRequest` with code `before_foc_date` / `no_foc` (the HTTP layer answers 409). Activating
    /// again once everything is active returns `duplicate: true`.
    public func activate(_ request: ActivateOrder) async throws(CarrierGatewayError) -> OrderAck {
        let now = clock.now()
        return try state.withLock { (s: inout NetworkState) throws(CarrierGatewayError) -> OrderAck in
            guard let existing = s.orders[request.pon] else { throw .notFound("order \(request.pon)") }
            let ack = OrderAck(pon: request.pon, version: existing.latestVersion, orderId: existing.orderId, accepted: true)
            if existing.status == .activated { return OrderAck(pon: ack.pon, version: ack.version, orderId: ack.orderId,
                                                              accepted: true, duplicate: true) }
            guard existing.status == .focConfirmed || existing.status == .activationFailed, let foc = existing.focDate else {
                throw .invalidRequest([CarrierError(code: "no_foc", field: nil,
                                                    message: "Order \(request.pon) has no FOC date to activate on (status \(existing.status.rawValue)).")])
            }
            let today = s.calendar(of: existing.party).localDate(of: now)
            guard today >= foc else {
                throw .invalidRequest([CarrierError(code: "before_foc_date", field: nil,
                                                    message: "Activation is allowed from the FOC date \(foc) on; today is \(today) at the carrier.")])
            }
            var numbers = existing.order.numbers.filter { !existing.activated.contains($0) }
            if let asked = request.numbers {
                var normalisedAsked: [String] = []
                var errors: [CarrierError] = []
                for text in asked {
                    guard let e164 = try? PhoneNumber.parse(text).e164, existing.order.numbers.contains(e164) else {
                        errors.append(CarrierError(code: "number_not_in_order", field: "numbers",
                                                   message: "\(text) is not in order \(request.pon).", number: text))
                        continue
                    }
                    normalisedAsked.append(e164)
                }
                guard errors.isEmpty else { throw .invalidRequest(errors) }
                numbers = numbers.filter { normalisedAsked.contains($0) }
            }
            guard !numbers.isEmpty else {
                return OrderAck(pon: ack.pon, version: ack.version, orderId: ack.orderId, accepted: true, duplicate: true)
            }
            s.schedule(.activateOnDemand(numbers), pon: request.pon, version: existing.latestVersion, at: now)
            return ack
        }
    }

    /// The partner's order id for a PON: stable across versions and runs with the same seed.
    func orderId(for pon: String) -> String {
        let hex = String(WorldHash.hash(seed, Salt.orderId.rawValue, WorldHash.fnv1a(pon)), radix: 16, uppercase: true)
        return "SIM-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// Numbers in E.164 where they parse, so every later lookup is by one spelling.
    func normalised(_ order: PortOrder) -> PortOrder {
        var copy = order
        copy.numbers = order.numbers.map { (try? PhoneNumber.parse($0).e164) ?? $0 }
        copy.btn = order.btn.map { (try? PhoneNumber.parse($0).e164) ?? $0 }
        copy.newBTN = order.newBTN.map { (try? PhoneNumber.parse($0).e164) ?? $0 }
        return copy
    }
}

extension NetworkState {
    func closedError(_ order: OrderRecord) -> CarrierError? {
        guard order.isClosed else { return nil }
        return CarrierError(code: "order_closed", field: nil, message: "Order \(order.pon) is \(order.status.rawValue); nothing can change.")
    }

    /// Changes are refused from the business day before the FOC date on (the carrier's 24-48 h freeze).
    func windowError(_ order: OrderRecord, now: Date) -> CarrierError? {
        guard order.status == .focConfirmed || order.status == .activationFailed, let foc = order.focDate else { return nil }
        let calendar = calendar(of: order.party)
        let freeze = calendar.previousBusinessDay(before: foc)
        guard calendar.localDate(of: now) >= freeze else { return nil }
        return CarrierError(code: "foc_window_closed", field: "desired_due_date",
                            message: "The FOC date \(foc) is too close: changes and cancellations close on \(freeze).")
    }

    func calendar(of party: LosingParty) -> BusinessCalendar {
        switch party {
        case .carrier(let i): world.carriers[i].calendar
        case .respOrg: .usFederal
        }
    }

    /// Schedules the partner's steps for a new version: received now, verified +1 h, sent +2 h.
    mutating func start(pon: String, version: Int, dueDateOnly: Bool, now: Date) {
        orders[pon]?.dueDateOnly = dueDateOnly
        if let order = orders[pon] {
            for number in order.order.numbers where openNumbers[number] == nil { openNumbers[number] = pon }
        }
        schedule(.received, pon: pon, version: version, at: now)
        schedule(.verified, pon: pon, version: version, at: now.addingTimeInterval(3600))
        schedule(.sentToLosingCarrier, pon: pon, version: version, at: now.addingTimeInterval(7200))
    }
}
