import CarrierKit
import PortInCore

extension CarrierNetwork {
    /// Portability of up to `maxPortabilityNumbers` numbers, one result per number in input order.
    /// Reasons: `invalid_number`, `not_portable` (premium, personal, non-NANP), `unsupported_rate_center`,
    /// `disconnected`, `pending_port`, and for toll-free `toll_free_spare` / `toll_free_unavailable`.
    public func checkPortability(_ request: PortabilityCheckRequest) async throws(CarrierGatewayError) -> PortabilityCheckResponse {
        guard request.numbers.count <= Self.maxPortabilityNumbers else {
            throw .tooLarge(limit: Self.maxPortabilityNumbers)
        }
        // A snapshot (copy-on-write, no copying of contents) so the check runs outside the lock.
        let (world, open) = state.withLock { ($0.world, $0.openNumbers) }
        let checker = PortabilityChecker(world: world, openNumbers: open)
        var results: [PortabilityResult] = []
        results.reserveCapacity(request.numbers.count)
        for number in request.numbers { results.append(checker.result(for: number)) }
        return PortabilityCheckResponse(results: results)
    }

    /// What the world says about one number, including the CSR and PIN of its account (admin view).
    public func describe(number: String) -> NumberDescription {
        let (world, open) = state.withLock { ($0.world, $0.openNumbers) }
        let checker = PortabilityChecker(world: world, openNumbers: open)
        let portability = checker.result(for: number)
        let parsed = try? PhoneNumber.parse(number)
        var description = NumberDescription(
            number: number, e164: parsed?.e164, portability: portability, status: "invalid", explicit: false,
            csr: nil, pin: nil, pendingOrder: false, openOrder: parsed.flatMap { open[$0.e164] })
        guard let parsed else { return description }
        guard parsed.isNANP else {
            description.status = "not_in_world"
            return description
        }
        let national = parsed.national
        description.explicit = world.explicitNumbers[national] != nil
        switch parsed.type {
        case .geographic:
            let line = world.line(national: national, country: parsed.country)
            description.status = line.disconnected ? "disconnected" : "active"
            description.pendingOrder = line.pendingOrder
            if let csr = world.customerServiceRecord(for: line) {
                description.csr = CSRResponse(csr, carrier: world.carriers[line.carrier].identity)
                description.pin = csr.pin
            }
        case .tollFree:
            switch world.tollFree(national: national).status {
            case .controlled: description.status = "active"
            case .spare: description.status = "spare"
            case .unavailable: description.status = "unavailable"
            }
        default:
            description.status = "not_in_world"
        }
        return description
    }
}

extension CSRResponse {
    /// The release form of a CSR: everything but the PIN.
    init(_ csr: CustomerServiceRecord, carrier: CarrierIdentity) {
        self.init(accountNumber: csr.accountNumber, btn: csr.btn, subscriberType: csr.subscriberType,
                  businessName: csr.businessName, firstName: csr.firstName, lastName: csr.lastName,
                  authorizedName: csr.authorizedName, serviceAddress: csr.serviceAddress, numbers: csr.numbers,
                  pinOnAccount: csr.pin != nil, losingCarrier: carrier)
    }
}

/// The per-number portability verdict: table lookups and hashes, strings shared from tables
/// (E.164 strings fit Swift's inline small-string storage), so 20,000 numbers take milliseconds.
struct PortabilityChecker {
    let world: SimulatedWorld
    let openNumbers: [String: String]
    let identities: [CarrierIdentity]
    let respOrgIdentities: [CarrierIdentity]

    init(world: SimulatedWorld, openNumbers: [String: String]) {
        self.world = world
        self.openNumbers = openNumbers
        self.identities = world.carriers.map(\.identity)
        // A RespOrg stands in as the "losing carrier" of a toll-free number; its id is in the SPID slot.
        self.respOrgIdentities = world.respOrgs.map { CarrierIdentity(name: $0.name, spid: $0.id, lineType: .wireline) }
    }

    func result(for text: String) -> PortabilityResult {
        let c = PhoneNumberClassifier.classify(text)
        guard c.isValid, let type = c.type else {
            return PortabilityResult(number: text, portable: false, reason: "invalid_number")
        }
        let e164 = c.e164
        guard c.countryCallingCode == 1 else {
            return PortabilityResult(number: e164, portable: false, reason: "not_portable", numberType: type)
        }
        let national = c.nationalDigits
        switch type {
        case .geographic:
            let line = world.line(national: national, country: c.region)
            var reason: String?
            if line.disconnected {
                reason = "disconnected"
            } else if line.unsupportedRateCenter {
                reason = "unsupported_rate_center"
            } else if line.pendingPort || (!openNumbers.isEmpty && openNumbers[e164] != nil) {
                reason = "pending_port"
            }
            var rateCenter = WorldTables.rateCenters[line.region][line.rateCenter]
            if !world.explicitNumbers.isEmpty, let index = world.explicitNumbers[national],
               let name = world.records[index].record.rateCenter {
                rateCenter = name
            }
            return PortabilityResult(
                number: e164, portable: reason == nil, reason: reason, numberType: .geographic,
                losingCarrier: identities[line.carrier], rateCenter: rateCenter,
                region: WorldData.regions[line.region].code, pinRequired: line.pinRequired,
                simplePort: line.simplePort)
        case .tollFree:
            let facts = world.tollFree(national: national)
            let reason: String? = switch facts.status {
            case .controlled: nil
            case .spare: "toll_free_spare"
            case .unavailable: "toll_free_unavailable"
            }
            return PortabilityResult(
                number: e164, portable: reason == nil, reason: reason, numberType: .tollFree,
                losingCarrier: facts.respOrg.map { respOrgIdentities[$0] }, simplePort: false,
                respOrg: facts.respOrg.map { world.respOrgs[$0].id })
        default:
            return PortabilityResult(number: e164, portable: false, reason: "not_portable", numberType: type)
        }
    }
}
