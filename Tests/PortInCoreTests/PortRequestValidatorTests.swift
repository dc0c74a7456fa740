import Foundation
import Testing
@testable import PortInCore

@Suite("Port request validation")
struct PortRequestValidatorTests {
    typealias F = ValidationFixtures

    @Test func aCompleteRequestHasNoProblems() {
        let report = PortRequestValidator.validate(F.draft(), context: F.context())
        #expect(report.problems == [])
        #expect(report.isValid)
    }

    @Test func anEmptyRequestReportsEveryMissingFieldAtOnce() {
        let report = PortRequestValidator.validate(PortRequestDraft(), context: F.context())
        let found = F.codes(report)
        for expected in ["numbers:required", "business_name:required", "authorized_person.name:required",
                         "service_address:required", "account_number:required",
                         "documents.loa:loa_missing", "documents.invoice:invoice_missing"] {
            #expect(found.contains(expected), "missing \(expected) in \(found)")
        }
        #expect(!report.isValid)
    }

    @Test func residentialRequestsNeedFirstAndLastNameNotABusinessName() {
        var draft = F.draft()
        draft.subscriberType = .residential
        draft.businessName = nil
        draft.firstName = "  "
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context()))
        #expect(found == ["first_name:required", "last_name:required"])
    }

    @Test func invalidAndDuplicateNumbersAreReportedPerNumber() {
        var draft = F.draft()
        draft.numbers = ["+14155552671", "415 555 01", "(415) 555-2671", "+14155552672", "+14155552673"]
        let report = PortRequestValidator.validate(draft, context: F.context())
        let found = F.codes(report)
        #expect(found.contains("numbers[1]:invalid_number"))
        #expect(found.contains("numbers[2]:duplicate_number"))
        #expect(report.problems(for: "numbers[2]").first?.message.contains("numbers[0]") == true)
        #expect(report.errors.count == 2)
    }

    @Test func moreThanTheLimitOfNumbersIsRefused() {
        var draft = F.draft()
        draft.numbers = (0..<5_001).map { "+1415\(String(2_000_000 + $0))" }
        let report = PortRequestValidator.validate(draft, context: F.context(numbers: draft.numbers))
        #expect(F.codes(report).contains("numbers:too_many_numbers"))
    }

    @Test func numbersWithoutAPortabilityResultCannotBeSubmitted() {
        let report = PortRequestValidator.validate(F.draft(), context: F.context(numbers: ["+14155552671"]))
        #expect(F.codes(report) == ["numbers[1]:portability_unknown", "numbers[2]:portability_unknown"])
    }

    @Test func mixedCarriersAndTypesMustBeSplit() {
        var context = F.context()
        context.routes["+14155552672"]?.losingCarrier = F.wireless.id
        context.routes["+14155552673"]?.numberType = .other
        let found = F.codes(PortRequestValidator.validate(F.draft(), context: context))
        #expect(found.contains("numbers:mixed_losing_carriers"))
        #expect(found.contains("numbers:mixed_number_types"))
    }

    @Test func anUnknownLosingCarrierIsReported() {
        var context = F.context()
        context.carriers = [:]
        #expect(F.codes(PortRequestValidator.validate(F.draft(), context: context)) == ["numbers:unknown_losing_carrier"])
    }

    @Test func requestKindMustFitTheNumbers() {
        var draft = F.draft()
        draft.numbers = ["+18772345678"]
        draft.btn = nil
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context(numbers: draft.numbers, type: .tollFree)))
        #expect(found.contains("numbers[0]:kind_mismatch"))
    }

    @Test(arguments: ["PO Box 12", "P.O. Box 12", "p o box 12", "Post Office Box 9", "POB 77", "PO BX 4", "Box 5", "POBox 3"])
    func poBoxesAreNotServiceAddresses(street: String) {
        var draft = F.draft()
        draft.serviceAddress?.street = street
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context()))
        #expect(found.contains("service_address.street:po_box_not_allowed"))
    }

    @Test(arguments: ["Boxwood Rd", "Post Rd", "Pobox Hill Ln", "Box Elder St"])
    func streetsThatMerelyLookLikeBoxesAreFine(street: String) {
        var draft = F.draft()
        draft.serviceAddress?.street = street
        #expect(PortRequestValidator.validate(draft, context: F.context()).isValid)
    }

    @Test(arguments: [("94105", true), ("94105-1234", true), ("9410", false), ("941051234", false),
                      ("94105-12", false), ("ABCDE", false)])
    func usZIPCodesMustBeFiveDigitsOrZIPPlusFour(zip: String, ok: Bool) {
        var draft = F.draft()
        draft.serviceAddress?.postalCode = zip
        let found = F.codes(PortRequestValidator.validate(draft, context: F.context()))
        #expect(found.contains("service_address.postal_code:invalid_postal_code") == !ok)
    }

    @Test func unknownUSStateCodesAreRefused() {
        var draft = F.draft()
        draft.serviceAddress?.state = "XX"
        #expect(F.codes(PortRequestValidator.validate(draft, context: F.context())) == ["service_address.state:invalid_state"])
    }

    @Test func wirelessCarriersNeedThePIN() {
        let context = F.context(carrier: F.wireless)
        var draft = F.draft()
        #expect(F.codes(PortRequestValidator.validate(draft, context: context)) == ["pin:pin_required"])
        draft.pin = "8642"
        #expect(PortRequestValidator.validate(draft, context: context).isValid)
    }

    @Test func aPINSetByTheSubscriberIsNeededEvenOnWireline() {
        let found = F.codes(PortRequestValidator.validate(F.draft(), context: F.context(pinSet: true)))
        #expect(found == ["pin:pin_required"])
    }

    @Test func pinValuesNeverAppearInProblems() {
        var draft = F.draft()
        draft.pin = "97531"
        draft.numbers.append("bad")
        let report = PortRequestValidator.validate(draft, context: F.context(carrier: F.wireless))
        #expect(!report.problems.isEmpty)
        #expect(report.problems.allSatisfy { !$0.message.contains("97531") && !$0.description.contains("97531") })
    }
}
