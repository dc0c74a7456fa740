import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import CarrierSimulator

/// Shared set-up: a network on a manual clock with a recording sink, and explicit accounts.
struct Sim {
    let network: CarrierNetwork
    let clock: ManualClock
    let sink: RecordingEventSink

    /// Monday 2025-03-03 09:00 Eastern (14:00 UTC): inside every carrier's LSR window.
    static let monday = Date(timeIntervalSince1970: 1_741_010_400)

    init(seed: UInt64 = 42, start: Date = Sim.monday, records: [SubscriberRecord] = Sim.records) throws {
        clock = ManualClock(start)
        sink = RecordingEventSink()
        network = CarrierNetwork(seed: seed, clock: clock, sink: sink)
        try network.addSubscribers(records)
    }

    /// Advances to each due action up to `limit` (default: until nothing is scheduled) and ticks.
    func run(until limit: Date? = nil) async {
        var steps = 0
        while let next = network.nextDueDate(), limit.map({ next <= $0 }) ?? true, steps < 1000 {
            clock.set(next)
            await network.tick()
            steps += 1
        }
        if let limit { clock.set(limit) }
    }

    func types(_ pon: String) -> [CarrierEvent.Kind] { sink.events(pon: pon).map(\.type) }

    // MARK: Accounts

    static let dentalAddress = ServiceAddress(houseNumber: "120", street: "W 45th St", unit: "Suite 200",
                                              city: "New York", state: "NY", postalCode: "10036")
    /// Granite Telephone (7202): strict wireline, account number needed for the CSR, 3 numbers, BTN first.
    static let dental = SubscriberRecord(
        carrier: "7202", accountNumber: "GT-555-0001", btn: "+12127362001", subscriberType: .business,
        businessName: "Harbor Dental LLC", authorizedName: "Maria Lopez", serviceAddress: dentalAddress,
        numbers: ["+12127362001", "+12127362002", "+12127362003"])
    /// Acme Wireless (6101): wireless, PIN 4321, one number.
    static let mobile = SubscriberRecord(
        carrier: "acme-wireless", accountNumber: "884422113", pin: "4321", subscriberType: .residential,
        firstName: "John", lastName: "Public", authorizedName: "John Public",
        serviceAddress: ServiceAddress(houseNumber: "55", street: "Oak Ave", city: "Chicago", state: "IL", postalCode: "60601"),
        numbers: ["+13127830142"])
    /// Keystone Digital (7290): no extra holidays, one number.
    static let keystone = SubscriberRecord(
        carrier: "7290", accountNumber: "V12345678", subscriberType: .business, businessName: "Pine Bakery",
        authorizedName: "Ann Lee",
        serviceAddress: ServiceAddress(houseNumber: "9", street: "Pine Rd", city: "Philadelphia", state: "PA", postalCode: "19103"),
        numbers: ["+12157830123"])
    /// Prairie Telecom (7411) with an order pending on the account.
    static let pending = SubscriberRecord(
        carrier: "7411", accountNumber: "PT-77", subscriberType: .business, businessName: "Oak Hardware",
        authorizedName: "Tom King",
        serviceAddress: ServiceAddress(houseNumber: "1", street: "Main St", city: "Omaha", state: "NE", postalCode: "68102"),
        numbers: ["+14027830188"], pendingOrder: true)
    /// Flags: disconnected, pending port, unsupported rate center.
    static let flagged = SubscriberRecord(
        carrier: "7744", accountNumber: "LB-1", subscriberType: .business, businessName: "Lake Co",
        authorizedName: "Al Ray",
        serviceAddress: ServiceAddress(houseNumber: "2", street: "Lake St", city: "Chicago", state: "IL", postalCode: "60602"),
        numbers: ["+17737830111", "+17737830112"], pendingPortNumbers: ["+17737830112"],
        disconnectedNumbers: ["+17737830111"])
    static let remote = SubscriberRecord(
        carrier: "7744", accountNumber: "LB-2", subscriberType: .business, businessName: "Far Co",
        authorizedName: "Al Ray",
        serviceAddress: ServiceAddress(houseNumber: "3", street: "Lake St", city: "Chicago", state: "IL", postalCode: "60602"),
        numbers: ["+17737830121"], unsupportedRateCenter: true)
    /// Toll-free numbers controlled by TFX02, one unavailable; a spare one.
    static let tollFree = SubscriberRecord(
        carrier: "TFX02", accountNumber: "TF-1", subscriberType: .business, businessName: "Harbor Dental LLC",
        authorizedName: "Maria Lopez", serviceAddress: dentalAddress,
        numbers: ["+18882345670", "+18882345671", "+18882345672"], disconnectedNumbers: ["+18882345672"])
    static let spare = SubscriberRecord(
        carrier: "spare", accountNumber: "-", authorizedName: "-", serviceAddress: dentalAddress, numbers: ["+18882345679"])

    static let records = [dental, mobile, keystone, pending, flagged, remote, tollFree, spare]

    /// An order that matches `record` exactly, for `numbers` (default: all of them).
    static func order(_ pon: String, for record: SubscriberRecord, numbers: [String]? = nil, version: Int = 1,
                      due: CivilDate? = nil) -> PortOrder {
        let tollFree = record.numbers.first.map { $0.hasPrefix("+18") } ?? false
        return PortOrder(
            pon: pon, version: version, desiredDueDate: due, portingIndicator: numbers == nil ? .full : .partial,
            numberType: tollFree ? .tollFree : .geographic, losingCarrier: record.carrier == "acme-wireless" ? "6101" : record.carrier,
            accountNumber: record.accountNumber, pin: record.pin, btn: record.btn ?? record.numbers[0],
            subscriberType: record.subscriberType, businessName: record.businessName, firstName: record.firstName,
            lastName: record.lastName, authorizedPerson: AuthorizedPerson(name: record.authorizedName),
            serviceAddress: record.serviceAddress, numbers: numbers ?? record.numbers,
            newRespOrg: tollFree ? "PTI01" : nil)
    }
}

extension CarrierEvent {
    var errorCodes: [String] { (errors ?? []).map(\.code) }
}
