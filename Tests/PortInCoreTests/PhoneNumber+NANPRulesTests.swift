import Testing
@testable import PortInCore

@Suite struct PhoneNumberNANPRulesTests {
    @Test(arguments: [
        ("(415) 555-2671", "US", NumberType.geographic), ("(416) 555-2671", "CA", .geographic),
        ("(604) 555-2671", "CA", .geographic), ("(787) 555-2671", "PR", .geographic),
        ("876-606-0123", "JM", .geographic), ("(809) 555-2671", "DO", .geographic),
        ("1-800-555-2671", "US", .tollFree), ("1-833-555-2671", "US", .tollFree),
        ("1-844-555-2671", "US", .tollFree), ("1-855-555-2671", "US", .tollFree),
        ("1-866-555-2671", "US", .tollFree), ("1-877-555-2671", "US", .tollFree),
        ("1-888-555-2671", "US", .tollFree), ("1-900-555-2671", "US", .premium),
        ("(500) 555-2671", "US", .personal), ("(533) 555-2671", "US", .personal),
        ("(544) 555-2671", "US", .personal), ("(566) 555-2671", "US", .personal),
        ("(577) 555-2671", "US", .personal), ("(588) 555-2671", "US", .personal),
        ("(600) 555-2671", "CA", .other), ("(242) 300-2671", "BS", .tollFree),
    ])
    func validNumbersHaveTheirCountryAndType(input: String, country: String, type: NumberType) throws {
        let number = try PhoneNumber.parse(input)
        #expect(number.country == country)
        #expect(number.type == type)
        #expect(number.areaCode == String(number.nationalNumber.prefix(3)))
    }

    @Test(arguments: [
        ("(015) 555-2671", InvalidNumberReason.invalidAreaCode), ("(115) 555-2671", .invalidAreaCode),
        ("(211) 555-2671", .invalidAreaCode), ("(911) 555-2671", .invalidAreaCode),
        ("(415) 055-2671", .invalidExchange), ("(415) 155-2671", .invalidExchange),
        ("(415) 211-2671", .invalidExchange), ("(415) 911-2671", .invalidExchange),
        ("(296) 555-2671", .unassignedAreaCode), ("(394) 555-2671", .unassignedAreaCode),
        ("(999) 555-2671", .unassignedAreaCode), ("(200) 555-2671", .unassignedAreaCode),
        ("(880) 555-2671", .unassignedAreaCode),
        ("(415) 555-0100", .fictional), ("(415) 555-0155", .fictional), ("(415) 555-0199", .fictional),
        ("(876) 200-2671", .unassignedExchange), ("(268) 200-2671", .unassignedExchange),
    ])
    func invalidNumbersSayWhy(input: String, reason: InvalidNumberReason) {
        #expect(throws: PhoneNumberError(reason)) { try PhoneNumber.parse(input) }
    }

    @Test(arguments: ["(415) 555-0099", "(415) 555-0200", "(415) 555-1212"])
    func only555Dash01XXIsFictional(input: String) throws {
        #expect(try PhoneNumber.parse(input).type == .geographic)
    }

    @Test func areaCodeIsReportedForInvalidNumbersOnlyWhenTheAreaCodeIsInService() {
        #expect(PhoneNumberClassifier.classify("(415) 555-0123").areaCode == 415)
        #expect(PhoneNumberClassifier.classify("(415) 555-0123").region == "US")
        #expect(PhoneNumberClassifier.classify("(296) 555-2671").areaCode == nil)
        #expect(PhoneNumberClassifier.classify("(115) 555-2671").areaCode == nil)
    }

    @Test func tableCoversEveryAreaCodeAndAgreesWithTheStructuralRules() {
        let table = NANPTable.shared
        #expect(table.sourceVersion.split(separator: ".").count == 3)
        var inService = 0
        for npa in 200..<1000 where table.npaInService[npa] {
            inService += 1
            #expect(npa / 10 % 10 != 9, "N9X area code \(npa) cannot be in service")
        }
        // Several hundred NPAs are in service across the NANP; the table must not be empty or all-open.
        #expect(inService > 300 && inService < 700)
    }
}
