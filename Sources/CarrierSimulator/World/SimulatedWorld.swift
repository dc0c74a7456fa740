import CarrierKit
import PortInCore

/// The generated world: every valid NANP number belongs, from the seed alone, to a carrier, a rate
/// center and an account; explicit `SubscriberRecord`s override it for their numbers. Computed on
/// demand from hashes, so nothing is stored per number.
struct SimulatedWorld: Sendable {
    let seed: UInt64
    let carriers: [SimulatedCarrier]
    let respOrgs: [RespOrg]
    /// Explicit records; a removed record stays as a tombstone (its numbers were taken by a newer one).
    private(set) var records: [ExplicitAccount] = []
    /// National number (10 digits) -> index in `records`.
    private(set) var explicitNumbers: [UInt64: Int] = [:]

    init(seed: UInt64, carriers: [SimulatedCarrier] = SimulatedCarrier.roster, respOrgs: [RespOrg] = RespOrg.roster) {
        precondition(!carriers.isEmpty && !respOrgs.isEmpty, "the world needs carriers and RespOrgs")
        self.seed = seed
        self.carriers = carriers
        self.respOrgs = respOrgs
    }

    // MARK: Lookups

    func carrierIndex(named key: String) -> Int? {
        let k = key.lowercased()
        return carriers.firstIndex { $0.spid.lowercased() == k || $0.id == k || $0.name.lowercased() == k }
    }

    func respOrgIndex(named key: String) -> Int? {
        respOrgs.firstIndex { $0.id.caseInsensitiveCompare(key) == .orderedSame }
    }

    /// The state/province index of an area code (table first, then a stable pick within the country).
    func regionIndex(npa: Int, country: String?) -> Int {
        let known = WorldTables.npaRegion[npa]
        if known >= 0 { return Int(known) }
        let pool = country == "CA" ? WorldTables.canadianRegions : WorldTables.usRegions
        return pool[Int(WorldHash.mix(UInt64(npa)) % UInt64(pool.count))]
    }

    // MARK: Geographic lines

    /// What the world says about one geographic NANP number, without building any string.
    func line(national n: UInt64, country: String?) -> LineFacts {
        let npa = Int(n / 10_000_000)
        let npaNxx = n / 10_000
        let region = regionIndex(npa: npa, country: country)
        let cityCount = WorldTables.rateCenters[region].count
        let rateCenter = Int(WorldHash.hash(seed, Salt.rateCenter.rawValue, npaNxx) % UInt64(cityCount))
        if !explicitNumbers.isEmpty, let index = explicitNumbers[n] {
            let account = records[index]
            let disconnected = account.disconnected.contains(n)
            return LineFacts(carrier: account.carrier, region: region, rateCenter: rateCenter,
                             disconnected: disconnected,
                             unsupportedRateCenter: account.record.unsupportedRateCenter,
                             pendingPort: account.pendingPort.contains(n), account: disconnected ? .none : .explicit(index),
                             accountSize: account.activeCount, pinRequired: account.record.pin != nil,
                             complexFeatures: account.record.complexFeatures, pendingOrder: account.record.pendingOrder)
        }
        let carrier = carrierIndex(thousandsBlock: n / 1000)
        let layout = accountLayout(of: n)
        let active = activeNumbers(start: layout.start, size: layout.size)
        let disconnected = isDisconnected(n)
        return LineFacts(
            carrier: carrier, region: region, rateCenter: rateCenter, disconnected: disconnected,
            unsupportedRateCenter: WorldHash.chance(WorldHash.hash(seed, Salt.rateCenterSupported.rawValue, npaNxx), perMille: 15),
            pendingPort: WorldHash.chance(WorldHash.hash(seed, Salt.pendingPort.rawValue, n), perMille: 15),
            account: disconnected ? .none : .generated(start: layout.start, size: layout.size),
            accountSize: disconnected ? 0 : active.count,
            pinRequired: pinRequired(carrier: carriers[carrier], accountStart: layout.start),
            complexFeatures: WorldHash.chance(WorldHash.hash(seed, Salt.features.rawValue, layout.start), perMille: 100),
            pendingOrder: WorldHash.chance(WorldHash.hash(seed, Salt.pendingOrder.rawValue, layout.start), perMille: 20))
    }

    func carrierIndex(thousandsBlock: UInt64) -> Int {
        Int(WorldHash.hash(seed, Salt.carrier.rawValue, thousandsBlock) % UInt64(carriers.count))
    }

    func isDisconnected(_ n: UInt64) -> Bool {
        WorldHash.chance(WorldHash.hash(seed, Salt.disconnected.rawValue, n), perMille: 20)
    }

    /// Accounts tile each block of ten numbers (NPA-NXX-XXX0..9): sizes 1 (most), 2-4 or 5-10.
    func accountLayout(of n: UInt64) -> (start: UInt64, size: Int) {
        let block = n / 10, digit = Int(n % 10)
        var h = WorldHash.hash(seed, Salt.accountLayout.rawValue, block)
        var start = 0
        while true {
            let r = h & 0xFF
            var size = r < 150 ? 1 : r < 220 ? 2 + Int((h >> 8) % 3) : 5 + Int((h >> 8) % 6)
            size = min(size, 10 - start)
            if digit < start + size { return (block * 10 + UInt64(start), size) }
            start += size
            h = WorldHash.mix(h)
        }
    }

    /// The numbers of a generated account that are in service and not taken by an explicit record.
    func activeNumbers(start: UInt64, size: Int) -> (count: Int, first: UInt64) {
        var count = 0
        var first: UInt64 = 0
        for n in start..<(start + UInt64(size)) where !isDisconnected(n) && (explicitNumbers.isEmpty || explicitNumbers[n] == nil) {
            if count == 0 { first = n }
            count += 1
        }
        return (count, first)
    }

    func pinRequired(carrier: SimulatedCarrier, accountStart: UInt64) -> Bool {
        switch carrier.pinPolicy {
        case .always: true
        case .never: false
        case .whenSet:
            WorldHash.chance(WorldHash.hash(seed, Salt.hasPIN.rawValue, accountStart), perMille: carrier.optionalPINPerMille)
        }
    }

    // MARK: Toll-free

    /// Who controls a toll-free number, or why nobody does.
    func tollFree(national n: UInt64) -> TollFreeFacts {
        if !explicitNumbers.isEmpty, let index = explicitNumbers[n] {
            let account = records[index]
            if account.disconnected.contains(n) { return TollFreeFacts(status: .unavailable, respOrg: account.respOrg) }
            return TollFreeFacts(status: account.respOrg == nil ? .spare : .controlled, respOrg: account.respOrg)
        }
        let h = WorldHash.hash(seed, Salt.respOrgStatus.rawValue, n)
        let respOrg = Int(WorldHash.hash(seed, Salt.respOrg.rawValue, n) % UInt64(respOrgs.count))
        switch h % 1000 {
        case 0..<30: return TollFreeFacts(status: .spare, respOrg: nil)
        case 30..<50: return TollFreeFacts(status: .unavailable, respOrg: respOrg)
        default: return TollFreeFacts(status: .controlled, respOrg: respOrg)
        }
    }

    // MARK: Explicit records

    /// Registers records; a number already on an older explicit record moves to the newer one.
    mutating func add(_ newRecords: [SubscriberRecord]) throws(SubscriberFileError) {
        var prepared: [ExplicitAccount] = []
        for (i, record) in newRecords.enumerated() {
            prepared.append(try prepare(record, position: i + 1))
        }
        for account in prepared {
            let index = records.count
            for n in account.nationals {
                if let old = explicitNumbers[n], old != index { records[old].remove(n) }
                explicitNumbers[n] = index
            }
            records.append(account)
        }
    }

    private func prepare(_ record: SubscriberRecord, position: Int) throws(SubscriberFileError) -> ExplicitAccount {
        func parse(_ text: String) throws(SubscriberFileError) -> PhoneNumber {
            do { return try PhoneNumber.parse(text) } catch {
                throw SubscriberFileError(line: position, message: "\(text) is not a valid number: \(error.reason.rawValue)")
            }
        }
        guard !record.numbers.isEmpty else { throw SubscriberFileError(line: position, message: "a record needs numbers") }
        var parsed: [PhoneNumber] = []
        for text in record.numbers {
            let number = try parse(text)
            guard number.isNANP else {
                throw SubscriberFileError(line: position, message: "\(text) is not a North American number")
            }
            if !parsed.contains(number) { parsed.append(number) }
        }
        let tollFree = parsed.allSatisfy { $0.type == .tollFree }
        guard tollFree || parsed.allSatisfy({ $0.type == .geographic }) else {
            throw SubscriberFileError(line: position, message: "one record holds either geographic or toll-free numbers")
        }
        var carrier = 0
        var respOrg: Int?
        if tollFree {
            respOrg = respOrgIndex(named: record.carrier)
            if respOrg == nil, record.carrier.lowercased() != "spare" {
                throw SubscriberFileError(line: position, message: "unknown RespOrg \(record.carrier) (or \"spare\")")
            }
        } else {
            guard let index = carrierIndex(named: record.carrier) else {
                throw SubscriberFileError(line: position, message: "unknown carrier \(record.carrier)")
            }
            carrier = index
        }
        var btn = parsed[0]
        if let text = record.btn {
            btn = try parse(text)
            guard parsed.contains(btn) else {
                throw SubscriberFileError(line: position, message: "the BTN \(btn.e164) is not one of the record's numbers")
            }
        }
        var disconnected = Set<UInt64>(), pending = Set<UInt64>()
        for text in record.disconnectedNumbers { disconnected.insert(try parse(text).national) }
        for text in record.pendingPortNumbers { pending.insert(try parse(text).national) }
        var normalised = record
        normalised.numbers = parsed.map(\.e164)
        normalised.btn = btn.e164
        return ExplicitAccount(record: normalised, carrier: carrier, respOrg: respOrg, nationals: parsed.map(\.national),
                               disconnected: disconnected, pendingPort: pending)
    }
}

/// An explicit record, prepared for lookups.
struct ExplicitAccount: Sendable {
    var record: SubscriberRecord
    let carrier: Int
    let respOrg: Int?
    private(set) var nationals: [UInt64]
    let disconnected: Set<UInt64>
    let pendingPort: Set<UInt64>

    init(record: SubscriberRecord, carrier: Int, respOrg: Int?, nationals: [UInt64], disconnected: Set<UInt64>,
         pendingPort: Set<UInt64>) {
        self.record = record
        self.carrier = carrier
        self.respOrg = respOrg
        self.nationals = nationals
        self.disconnected = disconnected
        self.pendingPort = pendingPort
    }

    /// Numbers in service on the account.
    var activeCount: Int { nationals.count { !disconnected.contains($0) } }

    mutating func remove(_ n: UInt64) {
        guard let i = nationals.firstIndex(of: n) else { return }
        nationals.remove(at: i)
        record.numbers.remove(at: i)
        if record.btn == "+1" + String(n) { record.btn = record.numbers.first }
    }
}

/// Which account a line is on.
enum AccountRef: Sendable, Hashable {
    case none
    case generated(start: UInt64, size: Int)
    case explicit(Int)
}

/// The world's view of one geographic line: indexes and flags only.
struct LineFacts: Sendable {
    var carrier: Int
    var region: Int
    var rateCenter: Int
    var disconnected: Bool
    var unsupportedRateCenter: Bool
    var pendingPort: Bool
    var account: AccountRef
    /// Numbers in service on the account.
    var accountSize: Int
    var pinRequired: Bool
    var complexFeatures: Bool
    var pendingOrder: Bool

    /// FCC simple port: one line on the account, no special features.
    var simplePort: Bool { accountSize == 1 && !complexFeatures }
}

/// The registry's view of one toll-free number.
struct TollFreeFacts: Sendable {
    enum Status: Sendable { case controlled, spare, unavailable }
    var status: Status
    var respOrg: Int?
}

extension PhoneNumber {
    /// The 10-digit national number of a NANP number as an integer.
    var national: UInt64 { UInt64(nationalNumber) ?? 0 }
}
