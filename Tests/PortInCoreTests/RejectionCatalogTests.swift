import Foundation
import Testing
@testable import PortInCore

/// The field paths COMMON.md defines, plus `numbers` for reasons about specific numbers.
private let validFieldPaths: Set<String> = [
    "numbers", "business_name", "first_name", "last_name", "authorized_person.name",
    "service_address.house_number", "service_address.street", "service_address.unit", "service_address.city",
    "service_address.state", "service_address.postal_code", "account_number", "pin", "btn", "new_btn",
    "partial_port", "requested_foc_date", "documents.loa", "documents.invoice",
]

@Suite struct RejectionCatalogTests {
    @Test func hasAtLeastTwentyStableSnakeCaseCodes() {
        #expect(RejectionCode.allCases.count >= 20)
        for code in RejectionCode.allCases {
            let isSnakeCase = code.rawValue.allSatisfy { $0.isLowercase || $0 == "_" } && !code.rawValue.hasPrefix("_")
            #expect(isSnakeCase, "\(code.rawValue)")
        }
    }

    @Test func everyCodeHasExactlyOneEntryInOrder() {
        #expect(RejectionCatalog.all.map(\.code) == RejectionCode.allCases)
        #expect(RejectionCatalog.entries.count == RejectionCode.allCases.count, "duplicate entries")
    }

    @Test(arguments: RejectionCode.allCases)
    func everyEntryIsComplete(code: RejectionCode) {
        let entry = RejectionCatalog.entry(for: code)
        #expect(entry.code == code)
        #expect(!entry.title.isEmpty && !entry.explanation.isEmpty && !entry.fixHint.isEmpty)
        #expect(entry.explanation != entry.fixHint)
        #expect(!entry.fields.isEmpty)
        #expect(Set(entry.fields).isSubset(of: validFieldPaths), "unknown path in \(entry.fields)")
        #expect(Set(entry.fields).count == entry.fields.count)
    }

    @Test(arguments: [
        // Every reason the domain doc lists, with the field it must point at.
        (RejectionCode.authorizedNameMismatch, "authorized_person.name"),
        (.businessNameMismatch, "business_name"), (.serviceAddressMismatch, "service_address.street"),
        (.zipMismatch, "service_address.postal_code"), (.accountNumberMissing, "account_number"),
        (.accountNumberInvalid, "account_number"), (.pinMissing, "pin"), (.pinInvalid, "pin"),
        (.btnMismatch, "btn"), (.numberNotOnAccount, "numbers"), (.pendingOrderOnAccount, "account_number"),
        (.numberPendingPort, "numbers"), (.partialPortNewBTNRequired, "new_btn"),
        (.numberNotPortable, "numbers"), (.unsupportedRateCenter, "numbers"), (.numberInactive, "numbers"),
        (.loaIllegibleOrUnsigned, "documents.loa"), (.loaNameOrDateInvalid, "documents.loa"),
        (.invoiceTooOld, "documents.invoice"), (.focRejected, "requested_foc_date"),
        (.focExpired, "requested_foc_date"), (.dueDateInvalid, "requested_foc_date"),
        (.respOrgLOADenied, "documents.loa"), (.respOrgNumberSpare, "numbers"),
    ])
    func reasonsPointAtTheFieldToFix(code: RejectionCode, field: String) {
        #expect(RejectionCatalog.entry(for: code).fields.contains(field))
    }

    @Test func onlyCarrierSideReasonsAreNotCustomerFixable() {
        let notFixable = Set(RejectionCatalog.all.filter { !$0.customerFixable }.map(\.code))
        #expect(notFixable == [.numberNotPortable, .unsupportedRateCenter, .losingCarrierNoResponse,
                               .duplicateRequest, .respOrgNumberSpare, .respOrgNumberUnavailable, .other])
    }

    @Test(arguments: [
        // (carrier code, carrier, expected)
        ("AW-120", String?("acme-wireless"), RejectionCode.pinInvalid),
        ("aw-120", "ACME-Wireless", .pinInvalid),          // case-insensitive code and carrier
        (" AW_111 ", "acme-wireless", .accountNumberMissing), // separators and whitespace don't matter
        ("AW-140", "6101", .numberPendingPort),             // carrier by SPID
        ("1020", "granite-telephone", .partialPortNewBTNRequired),
        ("1002", "7202", .serviceAddressMismatch),
        ("ROC-SPARE", "beacon-tollfree", .respOrgNumberSpare),
        ("ROC-LOA-DATE", "bcn01", .respOrgLOADenied),
        ("ACCT", "beacon-tollfree", .respOrgLOADenied),     // carrier table wins over the generic meaning
        ("ACCT", "granite-telephone", .accountNumberInvalid), // not in its table: generic fallback
        ("ACCT", nil, .accountNumberInvalid),
        ("zip_mismatch", nil, .zipMismatch),                // our own raw values are understood
        ("Service Address Mismatch", "unknown-carrier", .serviceAddressMismatch),
        ("1099", "granite-telephone", .other),
        ("AW-120", "granite-telephone", .other),            // another carrier's code means nothing here
        ("1020", nil, .other),
        ("XYZ-999", "acme-wireless", .other),
        ("", nil, .other),
    ])
    func mapsCarrierCodes(carrierCode: String, carrier: String?, expected: RejectionCode) {
        #expect(RejectionCatalog.map(carrierCode: carrierCode, carrier: carrier) == expected)
    }

    @Test func everyBuiltInCarrierCodeMapsThroughItsOwnCarrier() {
        for table in RejectionCatalog.carrierTables {
            #expect(!table.carrierIDs.isEmpty)
            for (carrierCode, expected) in table.codes {
                for id in table.carrierIDs {
                    #expect(RejectionCatalog.map(carrierCode: carrierCode, carrier: id) == expected)
                }
            }
        }
    }

    @Test func callerSuppliedTablesAreUsed() {
        let table = CarrierCodeTable(carrierIDs: ["Test-Carrier"], codes: ["E1": .invoiceTooOld])
        let generic = CarrierCodeTable(carrierIDs: [], codes: ["G1": .pinMissing])
        #expect(RejectionCatalog.map(carrierCode: "e1", carrier: "test-carrier", tables: [table], generic: generic) == .invoiceTooOld)
        #expect(RejectionCatalog.map(carrierCode: "G1", carrier: "test-carrier", tables: [table], generic: generic) == .pinMissing)
        #expect(RejectionCatalog.map(carrierCode: "ZIP", carrier: "test-carrier", tables: [table], generic: generic) == .other)
    }
}

@Suite struct RejectionTests {
    @Test func keepsTheCarrierCodeWhenMappingToOther() {
        let rejection = Rejection(carrierCode: "Q77", carrier: "acme-wireless", message: "see agent", number: "+15551230000")
        #expect(rejection.code == .other)
        #expect(rejection.carrierCode == "Q77")
        #expect(rejection.message == "see agent")
        #expect(rejection.number == "+15551230000")
    }

    @Test func fieldsFallBackToTheCatalog() {
        let mapped = Rejection(carrierCode: "1002", carrier: "granite-telephone")
        #expect(mapped.code == .serviceAddressMismatch)
        #expect(mapped.fields == RejectionCatalog.entry(for: .serviceAddressMismatch).fields)
        let pointed = Rejection(code: .serviceAddressMismatch, field: "service_address.unit")
        #expect(pointed.fields == ["service_address.unit"])
    }

    @Test func roundTripsThroughJSONWithTheStableCode() throws {
        let rejection = Rejection(carrierCode: "AW-103", carrier: "acme-wireless", message: "ZIP", number: "+12025550143",
                                  field: "service_address.postal_code")
        let data = try JSONEncoder().encode(rejection)
        #expect(try JSONDecoder().decode(Rejection.self, from: data) == rejection)
        #expect(String(decoding: data, as: UTF8.self).contains("\"zip_mismatch\""))
    }
}
