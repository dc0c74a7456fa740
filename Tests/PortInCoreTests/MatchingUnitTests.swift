import Testing
@testable import PortInCore

@Suite("Matching: units (secondary address)")
struct MatchingUnitTests {
    @Test("units that match", arguments: [
        ("Suite 200", "Ste. 200"),
        ("Suite 200", "STE 200"),
        ("Suite 200", "#200"),
        ("# 200", "Ste 200"),
        ("200", "Suite 200"),
        ("Suite #200", "Ste 200"),
        ("Apartment 4B", "Apt 4B"),
        ("Apt 4-B", "apt 4b"),
        ("Apt 4 B", "Apt 4B"),
        ("Apt #4B", "#4B"),
        ("Floor 2", "Fl 2"),
        ("2nd Floor", "Fl 2"),
        ("Second Floor", "FLR 2"),
        ("Room 101", "Rm 101"),
        ("Building 3, Suite 200", "Bldg 3 Ste 200"),
        ("Department 7", "Dept 7"),
        ("Unit 5", "UNIT 5"),
        ("Penthouse", "PH"),
        ("Rear", "REAR"),
        ("Trailer 12", "Trlr 12"),
    ])
    func unitsMatch(a: String, b: String) {
        #expect(CSRMatcher.unitsMatch(a, b))
        #expect(CSRMatcher.unitsMatch(b, a))
    }

    @Test("units that never match", arguments: [
        ("Apt 4B", "Apt 4C"),
        ("Apt 4B", "Apt 4"),
        ("Fl 2", "Ste 2"),
        ("Suite 200", "Suite 201"),
        ("Suite 200", "Unit 200"),
        ("Apt 12", "Apt 1 2"),
        ("#200", "#2000"),
        ("Bldg 3 Ste 200", "Ste 200"),
        ("Bldg 3 Ste 200", "Bldg 4 Ste 200"),
        ("Ste 200", "Bldg 3 #200"),
        ("Apt 04", "Apt 4"),
        ("Rear", "Front"),
    ])
    func unitsDiffer(a: String, b: String) {
        #expect(!CSRMatcher.unitsMatch(a, b))
        #expect(!CSRMatcher.unitsMatch(b, a))
    }

    @Test("unit keys", arguments: [
        ("Suite #200", "STE 200"),
        ("#12", "# 12"),
        ("4B", "# 4B"),
        ("Building 3, Suite 200", "BLDG 3 STE 200"),
        ("3rd Fl.", "FL 3"),
        ("   ", ""),
    ])
    func unitKey(input: String, key: String) {
        #expect(Normalizer.unit(input) == key)
    }

    @Test("no unit on either side matches")
    func bothAbsent() {
        #expect(Normalizer.unit(nil) == "")
        #expect(CSRMatcher.unitsMatch(nil, ""))
    }

    @Test("unit present on one side only", arguments: [
        // (requested, on record, expected)
        ("Suite 200", nil, FieldMatch.mismatch(requested: "Suite 200", onRecord: "")),
        (nil, "Apt 4B", FieldMatch.missing(onRecord: "Apt 4B")),
        ("  ", "Apt 4B", FieldMatch.missing(onRecord: "Apt 4B")),
        (nil, nil, FieldMatch.match),
    ] as [(String?, String?, FieldMatch)])
    func presentVersusAbsent(requested: String?, onRecord: String?, expected: FieldMatch) {
        let base = ServiceAddress(houseNumber: "1", street: "Main St", city: "Reno", state: "NV", postalCode: "89501")
        var a = base, b = base
        a.unit = requested
        b.unit = onRecord
        let unit = CSRMatcher.compareAddress(a, with: b).first { $0.field == "unit" }
        #expect(unit?.result == expected)
    }
}
