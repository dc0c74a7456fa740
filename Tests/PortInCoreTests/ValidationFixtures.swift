import Foundation
@testable import PortInCore

/// A complete, valid request and the context it validates in, for tests to break one field at a time.
enum ValidationFixtures {
    static let wireline = LosingCarrierProfile(id: "1234", name: "Bayline Telephone", lineType: .wireline,
                                               pinPolicy: .never, simplePortIntervalBusinessDays: 1,
                                               standardIntervalBusinessDays: 4)
    static let wireless = LosingCarrierProfile(id: "6529", name: "Cobalt Wireless", lineType: .wireless,
                                               pinPolicy: .required)
    static let tollFreeHolder = LosingCarrierProfile(id: "TFA01", name: "Tollway RespOrg", lineType: .voip,
                                                     pinPolicy: .never, standardIntervalBusinessDays: 2)

    static let numbers = ["+14155552671", "+14155552672", "+14155552673"]

    /// Monday 2026-11-30, 10:00 in New York: inside the LSR window.
    static let monday10am = instant("2026-11-30T15:00:00Z")

    static func instant(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    static func draft() -> PortRequestDraft {
        PortRequestDraft(
            kind: .local, country: "US", subscriberType: .business, businessName: "Acme Widgets LLC",
            authorizedPerson: AuthorizedPerson(name: "Jane Roe", title: "CTO", email: "jane@acme.example"),
            serviceAddress: ServiceAddress(houseNumber: "100", street: "Market St", unit: "Suite 300",
                                           city: "San Francisco", state: "CA", postalCode: "94105"),
            accountNumber: "ACC-778899", btn: "+14155552671", partialPort: false,
            requestedFOCDate: CivilDate("2026-12-10"), notificationEmails: ["ops@acme.example"],
            numbers: numbers,
            documents: [
                DocumentFacts(kind: .loa, signedBy: "Jane Roe", signedOn: CivilDate("2026-11-27")),
                DocumentFacts(kind: .invoice, invoiceDate: CivilDate("2026-11-15")),
            ])
    }

    static func context(carrier: LosingCarrierProfile = wireline, numbers: [String] = numbers,
                        type: NumberType = .geographic, pinSet: Bool = false, simple: Bool = false,
                        now: Date = monday10am) -> ValidationContext {
        var routes: [String: NumberRoute] = [:]
        for number in numbers {
            routes[number] = NumberRoute(e164: number, losingCarrier: carrier.id, numberType: type,
                                         pinSet: pinSet, simplePortEligible: simple)
        }
        return ValidationContext(now: now, routes: routes,
                                 carriers: [wireline.id: wireline, wireless.id: wireless, tollFreeHolder.id: tollFreeHolder])
    }

    static func codes(_ report: ValidationReport) -> Set<String> {
        Set(report.problems.map { "\($0.field):\($0.code)" })
    }
}
