import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import CarrierSimulator

@Suite("World") struct WorldTests {
    /// Valid geographic numbers spread over many area codes.
    static let sample: [String] = {
        var numbers: [String] = []
        var x: UInt64 = 12345
        while numbers.count < 400 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let npa = [212, 312, 415, 713, 305, 206, 617, 404, 303, 602, 416, 514][Int(x >> 60) % 12]
            let text = "+1\(npa)\(200 + (x >> 20) % 800)\(1000 + (x >> 40) % 9000)"
            if (try? PhoneNumber.parse(text))?.type == .geographic { numbers.append(text) }
        }
        return numbers
    }()

    @Test func sameSeedSameWorldDifferentSeedDiffers() throws {
        let a = try Sim(seed: 7, records: []), b = try Sim(seed: 7, records: []), c = try Sim(seed: 8, records: [])
        var differences = 0
        for number in Self.sample {
            let x = a.network.describe(number: number)
            #expect(x == b.network.describe(number: number))
            if x != c.network.describe(number: number) { differences += 1 }
        }
        #expect(differences > Self.sample.count / 2)
    }

    @Test func atLeastTwelveDistinctCarriers() {
        let carriers = SimulatedCarrier.roster
        #expect(carriers.count >= 12)
        #expect(Set(carriers.map(\.spid)).count == carriers.count)
        #expect(carriers.allSatisfy { $0.spid.count == 4 })
        #expect(Set(carriers.map(\.lineType)) == Set(LineType.allCases))
        #expect(carriers.contains { $0.strict } && carriers.contains { !$0.strict })
        #expect(carriers.contains { !$0.holidayRules.isEmpty })
    }

    @Test(arguments: SimulatedCarrier.roster)
    func carrierCodesMapBackToOurs(carrier: SimulatedCarrier) {
        for code in RejectionCode.allCases {
            #expect(RejectionCatalog.map(carrierCode: carrier.carrierCode(for: code), carrier: carrier.spid) == code)
        }
    }

    @Test func everyCarrierOwnsPartOfTheWorld() throws {
        let sim = try Sim(records: [])
        let owners = Set(Self.sample.compactMap { sim.network.describe(number: $0).portability.losingCarrier?.spid })
        #expect(owners.count >= 12)
    }

    @Test func accountsGroupNumbersAndCarryACompleteCSR() throws {
        let sim = try Sim(records: [])
        var multi = 0
        for number in Self.sample {
            let d = sim.network.describe(number: number)
            guard let csr = d.csr else { continue }
            #expect(csr.numbers.contains(d.e164!))
            #expect(csr.btn.map { csr.numbers.contains($0) } == true)
            #expect(csr.serviceAddress?.state == d.portability.region)
            #expect(!(csr.authorizedName ?? "").isEmpty)
            #expect((csr.subscriberType == .business) == (csr.businessName != nil))
            #expect(csr.pinOnAccount == (d.pin != nil))
            #expect(d.portability.pinRequired == csr.pinOnAccount)
            if csr.losingCarrier.lineType == .wireless { #expect(d.pin != nil) }
            if csr.numbers.count > 1 {
                multi += 1
                // Every number of the account describes the same account.
                for other in csr.numbers { #expect(sim.network.describe(number: other).csr == csr) }
                #expect(!d.portability.simplePort)
            }
        }
        #expect(multi > 20)
    }

    @Test func explicitRecordsOverrideTheGeneratedWorld() throws {
        let plain = try Sim(records: [])
        let sim = try Sim()
        let generated = plain.network.describe(number: "+12127362002")
        let d = sim.network.describe(number: "(212) 736-2002")
        #expect(d.explicit && !generated.explicit)
        #expect(d.csr?.businessName == "Harbor Dental LLC")
        #expect(d.csr?.numbers == Sim.dental.numbers)
        #expect(d.csr?.losingCarrier.spid == "7202")
        #expect(d.portability.simplePort == false)
        #expect(sim.network.describe(number: "+13127830142").pin == "4321")
        // A newer record takes the number over.
        var moved = Sim.keystone
        moved.numbers = ["+12127362003"]
        moved.accountNumber = "V999"
        try sim.network.addSubscribers([moved])
        #expect(sim.network.describe(number: "+12127362003").csr?.accountNumber == "V999")
        #expect(sim.network.describe(number: "+12127362001").csr?.numbers == ["+12127362001", "+12127362002"])
    }

    @Test func invalidRecordsAreRefusedWhole() throws {
        let sim = try Sim(records: [])
        var bad = Sim.keystone
        bad.carrier = "nobody"
        #expect(throws: SubscriberFileError.self) { try sim.network.addSubscribers([Sim.dental, bad]) }
        #expect(!sim.network.describe(number: "+12127362001").explicit)
    }

    @Test func recordsReadFromCSVAndJSON() throws {
        let csv = """
        carrier,account_number,pin,subscriber_type,first_name,last_name,authorized_name,house_number,street,city,state,postal_code,numbers,pending_order
        6101,884422113,4321,residential,John,Public,John Public,55,"Oak Ave, Rear",Chicago,IL,60601,+13127830142;+13127830143,yes
        """
        let records = try SubscriberRecord.records(fileContents: csv)
        #expect(records.count == 1)
        #expect(records[0].numbers == ["+13127830142", "+13127830143"])
        #expect(records[0].serviceAddress.street == "Oak Ave, Rear")
        #expect(records[0].pendingOrder && records[0].pin == "4321" && records[0].subscriberType == .residential)
        let json = String(decoding: try JSONEncoder().encode([Sim.dental]), as: UTF8.self)
        #expect(try SubscriberRecord.records(fileContents: json) == [Sim.dental])
        #expect(throws: SubscriberFileError.self) { try SubscriberRecord.records(csv: "carrier,numbers\n7202,+12127362001") }
    }
}
