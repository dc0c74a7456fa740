import CarrierKit
import Foundation
import PortInCore
import Vapor

/// The `/sim/` admin API around a `CarrierNetwork`: subscribers, scenarios, faults, clock, orders.
struct AdminRoutes: Sendable {
    let network: CarrierNetwork
    let clock: any PortInClock
    let ticker: SimulatorTicker

    func register(on sim: any RoutesBuilder) {
        sim.on(.POST, "subscribers", body: .collect(maxSize: "16mb")) { req async throws -> Response in
            let records = try decodeOneOrMany(SubscriberRecord.self, req)
            do { try network.addSubscribers(records) } catch {
                return try JSONAnswer.error(.badRequest, CarrierErrorBody(error: "invalid_request", message: "\(error)"))
            }
            req.logger.info("subscribers registered", metadata: ["count": "\(records.count)"])
            return try JSONAnswer.ok(["added": records.count])
        }
        sim.get("numbers", ":number") { req async throws -> Response in
            let number = req.parameters.get("number")?.removingPercentEncoding ?? ""
            return try JSONAnswer.ok(network.describe(number: number))
        }
        sim.get("carriers") { _ async throws -> Response in
            try JSONAnswer.ok(CarrierList(carriers: network.carriers.map(CarrierSummary.init), respOrgs: network.respOrgs))
        }
        sim.post("scenarios") { req async throws -> Response in
            let scenario = try decode(SimulatorScenario.self, req)
            network.setScenario(scenario)
            req.logger.info("scenario set", metadata: ["numbers": "\(scenario.numbers.count)"])
            return try JSONAnswer.ok(["status": "ok"])
        }
        sim.delete("scenarios") { _ async throws -> Response in
            network.clearScenarios()
            return try JSONAnswer.ok(["status": "ok"])
        }
        sim.post("faults") { req async throws -> Response in
            let fault = try decode(SimulatorFault.self, req)
            network.setFault(fault)
            req.logger.info("fault set", metadata: ["carrier": "\(fault.carrier ?? "*")", "numbers": "\(fault.numbers?.count ?? 0)"])
            return try JSONAnswer.ok(["status": "ok"])
        }
        sim.delete("faults") { _ async throws -> Response in
            network.clearFaults()
            return try JSONAnswer.ok(["status": "ok"])
        }
        sim.get("clock") { _ async throws -> Response in
            try JSONAnswer.ok(clockState())
        }
        sim.post("clock", "advance") { req async throws -> Response in
            guard let manual = clock as? ManualClock else {
                return try JSONAnswer.error(.conflict, CarrierErrorBody(
                    error: "conflict", message: "the simulator is not running on a manual clock (start it with --manual-clock)"))
            }
            let body = try decode(ClockAdvance.self, req)
            guard body.seconds >= 0, body.seconds.isFinite else {
                return try JSONAnswer.error(.badRequest, CarrierErrorBody(error: "invalid_request", message: "seconds must be >= 0"))
            }
            manual.advance(by: body.seconds)
            await ticker.tick()
            req.logger.info("clock advanced", metadata: ["seconds": "\(body.seconds)", "now": "\(clock.now())"])
            return try JSONAnswer.ok(clockState())
        }
        sim.post("tick") { _ async throws -> Response in
            await ticker.tick()
            return try JSONAnswer.ok(clockState())
        }
        sim.get("orders", ":pon") { req async throws -> Response in
            let pon = req.parameters.get("pon")?.removingPercentEncoding ?? ""
            guard let view = network.order(pon: pon) else {
                return try JSONAnswer.error(.notFound, CarrierErrorBody(error: "not_found", message: "no order \(pon)"))
            }
            return try JSONAnswer.ok(view)
        }
    }

    private func clockState() -> ClockState {
        ClockState(now: clock.now(), manual: clock is ManualClock, nextDue: network.nextDueDate())
    }

    private func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "a JSON body is required") }
        return try CarrierWire.decoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// One record or an array of them, so a demo can post a single subscriber without brackets.
    private func decodeOneOrMany<T: Decodable>(_ type: T.Type, _ req: Request) throws -> [T] {
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "a JSON body is required") }
        let data = Data(buffer.readableBytesView)
        let first = data.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        if first == UInt8(ascii: "[") { return try CarrierWire.decoder().decode([T].self, from: data) }
        return [try CarrierWire.decoder().decode(T.self, from: data)]
    }
}

struct ClockAdvance: Decodable {
    var seconds: Double
}

/// The simulator's time as `/sim/clock`, `/sim/clock/advance` and `/sim/tick` report it.
public struct ClockState: Sendable, Hashable, Codable {
    public var now: Date
    public var manual: Bool
    /// When the next scheduled action is due, if any.
    public var nextDue: Date?

    enum CodingKeys: String, CodingKey {
        case now, manual
        case nextDue = "next_due"
    }
}

/// `GET /sim/carriers`.
public struct CarrierList: Sendable, Hashable, Codable {
    public var carriers: [CarrierSummary]
    public var respOrgs: [RespOrg]

    enum CodingKeys: String, CodingKey {
        case carriers
        case respOrgs = "resp_orgs"
    }
}

/// A losing carrier as the admin API shows it.
public struct CarrierSummary: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var spid: String
    public var ocn: String
    public var lineType: LineType
    public var pinPolicy: SimulatedCarrier.PINPolicy
    public var timeZone: String
    public var focLeadBusinessDays: Int
    public var responseDelayBusinessDays: [Int]
    public var strict: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, spid, ocn
        case lineType = "line_type"
        case pinPolicy = "pin_policy"
        case timeZone = "time_zone"
        case focLeadBusinessDays = "foc_lead_business_days"
        case responseDelayBusinessDays = "response_delay_business_days"
        case strict
    }

    init(_ carrier: SimulatedCarrier) {
        id = carrier.id
        name = carrier.name
        spid = carrier.spid
        ocn = carrier.ocn
        lineType = carrier.lineType
        pinPolicy = carrier.pinPolicy
        timeZone = carrier.timeZone.identifier
        focLeadBusinessDays = carrier.focLeadBusinessDays
        responseDelayBusinessDays = [carrier.responseDelay.lowerBound, carrier.responseDelay.upperBound]
        strict = carrier.strict
    }
}
