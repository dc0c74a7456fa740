import Foundation
import Testing
@testable import PortInCore

@Suite("Port request validation: partial ports, documents, due dates")
struct PortRequestValidatorRulesTests {
    typealias F = ValidationFixtures

    // MARK: partial port

    @Test func portingTheBTNWhileOthersStayNeedsANewBTN() {
        var draft = F.draft()
        draft.partialPort = true
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["new_btn:new_btn_required"])
        draft.newBTN = "+14155559999"
        #expect(PortRequestValidator.validate(draft, context: F.context()).isValid)
    }

    @Test func theNewBTNMustBeANumberThatStays() {
        var draft = F.draft()
        draft.partialPort = true
        draft.newBTN = "(415) 555-2673"
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["new_btn:new_btn_must_stay"])
    }

    @Test func aPartialPortThatLeavesTheBTNBehindNeedsNoNewBTN() {
        var draft = F.draft()
        draft.partialPort = true
        draft.btn = "+14155559999"
        #expect(PortRequestValidator.validate(draft, context: F.context()).isValid)
    }

    @Test func aPartialPortNeedsTheBTN() {
        var draft = F.draft()
        draft.partialPort = true
        draft.btn = nil
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["btn:required"])
    }

    @Test func aBTNLeftBehindMeansAPartialPort() {
        var draft = F.draft()
        draft.btn = "+14155559999"
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["partial_port:partial_port_inconsistent"])
    }

    @Test func anInvalidBTNIsReported() {
        var draft = F.draft()
        draft.btn = "12"
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["btn:invalid_number"])
    }

    // MARK: LOA

    @Test func anUnsignedLOAIsRefused() {
        var draft = F.draft()
        draft.documents[0].signedBy = nil
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["documents.loa:loa_unsigned"])
    }

    @Test(arguments: [("JANE ROE", true), ("jane  roe", true), ("John Roe", false), ("Jane Doe", false)])
    func theLOAMustBeSignedByTheAuthorizedPerson(signer: String, ok: Bool) {
        var draft = F.draft()
        draft.documents[0].signedBy = signer
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context()))
        #expect(found.contains("documents.loa:loa_signer_mismatch") == !ok)
    }

    @Test func anLOADatedInTheFutureIsRefused() {
        var draft = F.draft()
        draft.documents[0].signedOn = CivilDate("2026-12-01")
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["documents.loa:loa_dated_in_future"])
    }

    @Test(arguments: [("2026-10-31", true), ("2026-10-30", false)])
    func tollFreeLOAsMustBeAtMostThirtyDaysOld(signed: String, ok: Bool) {
        var draft = F.draft()
        draft.kind = .tollFree
        draft.numbers = ["+18772345678"]
        draft.btn = nil
        draft.requestedFOCDate = nil
        draft.documents[0].signedOn = CivilDate(signed)
        let context = F.context(carrier: F.tollFreeHolder, numbers: draft.numbers, type: .tollFree)
        let found = F.codes(PortRequestValidator.validate(draft, context: context))
        #expect(found.contains("documents.loa:loa_too_old") == !ok, "\(found)")
    }

    // MARK: invoice

    @Test(arguments: [
        ("2026-11-30", nil),
        ("2026-10-31", nil),                                    // 30 days
        ("2026-10-30", "documents.invoice:invoice_older_than_30_days"), // 31 days: warning
        ("2026-10-01", "documents.invoice:invoice_older_than_30_days"), // 60 days
        ("2026-09-30", "documents.invoice:invoice_too_old"),    // 61 days
        ("2026-12-01", "documents.invoice:invoice_dated_in_future"),
    ] as [(String, String?)])
    func invoicesMustBeRecent(date: String, expected: String?) {
        var draft = F.draft()
        draft.documents[1].invoiceDate = CivilDate(date)
        let report = PortRequestValidator.validate(draft, context: F.context())
        #expect(F.codes(report) == Set(expected.map { [$0] } ?? []))
        #expect(report.isValid == (expected == nil || expected!.hasSuffix("30_days")))
    }

    // MARK: requested FOC date

    @Test(arguments: [
        // Received Monday 10:00 ET; standard interval 4 business days -> earliest Friday 2026-12-04.
        ("2026-12-04", nil),
        ("2026-12-03", "too_soon"),
        ("2026-12-05", "not_a_business_day"),   // Saturday
        ("2026-12-25", "not_a_business_day"),   // Christmas
        ("2026-11-30", "date_in_past"),
    ] as [(String, String?)])
    func theDueDateMustBeABusinessDayAfterTheInterval(date: String, expected: String?) {
        var draft = F.draft()
        draft.requestedFOCDate = CivilDate(date)
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context()))
        #expect(found == Set(expected.map { ["requested_foc_date:\($0)"] } ?? []))
    }

    @Test func anOrderAfterTheCutoffCountsFromTheNextBusinessDay() {
        var draft = F.draft()
        draft.requestedFOCDate = CivilDate("2026-12-04")
        // Monday 13:00 ET exactly: counts as received Tuesday, so the earliest date is Monday 2026-12-07.
        let late = F.context(now: F.instant("2026-11-30T18:00:00Z"))
        #expect(F.codes(PortRequestValidator.validate(draft, context: late)) == ["requested_foc_date:too_soon"])
        draft.requestedFOCDate = CivilDate("2026-12-07")
        #expect(PortRequestValidator.validate(draft, context: late).isValid)
    }

    @Test func aSimplePortUsesTheShorterInterval() {
        var draft = F.draft()
        draft.numbers = ["+14155552671"]
        draft.requestedFOCDate = CivilDate("2026-12-01")
        let simple = F.context(numbers: draft.numbers, simple: true)
        #expect(PortRequestValidator.validate(draft, context: simple).isValid)
        let notSimple = F.context(numbers: draft.numbers, simple: false)
        #expect(F.codes(PortRequestValidator.validate(draft, context: notSimple)) == ["requested_foc_date:too_soon"])
    }
}
