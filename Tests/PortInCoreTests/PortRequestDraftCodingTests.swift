import Foundation
import Testing
@testable import PortInCore

@Suite("PortRequestDraft JSON")
struct PortRequestDraftCodingTests {
    @Test func encodesSnakeCaseKeysAndNeverThePIN() throws {
        let draft = PortRequestDraft(businessName: "Acme", pin: "246810", btn: "+14155552671", newBTN: "+14155552672",
                                     requestedFOCDate: CivilDate("2026-12-10"), numbers: ["+14155552671"])
        let json = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        #expect(json.contains("\"new_btn\":\"+14155552672\""))
        #expect(json.contains("\"requested_foc_date\":\"2026-12-10\""))
        #expect(json.contains("\"business_name\":\"Acme\""))
        #expect(!json.contains("246810"))
        #expect(!json.contains("pin"))
        let back = try JSONDecoder().decode(PortRequestDraft.self, from: Data(json.utf8))
        var expected = draft
        expected.pin = nil
        #expect(back == expected)
    }

    @Test func civilDatesRoundTripAndRejectNonsense() throws {
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate("2026-1-05") == nil)
        #expect(CivilDate("2026-13-01") == nil)
        for days in stride(from: -700_000, through: 2_900_000, by: 7_919) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CivilDate(date.description) == date)
        }
        #expect(CivilDate("1970-01-01")?.weekday == 4)
        #expect(CivilDate("2026-11-29")?.weekday == 7)
    }
}
