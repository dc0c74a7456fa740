import Testing
@testable import PortInCore

@Suite struct PhoneNumberInternationalTests {
    struct Case: Sendable, CustomStringConvertible {
        var input: String
        var country: String?
        /// nil when the input must be invalid.
        var type: NumberType?
        var reason: InvalidNumberReason?
        var description: String { input }
    }

    static func valid(_ input: String, _ country: String?, _ type: NumberType) -> Case {
        Case(input: input, country: country, type: type, reason: nil)
    }

    static func invalid(_ input: String, _ country: String?, _ reason: InvalidNumberReason) -> Case {
        Case(input: input, country: country, type: nil, reason: reason)
    }

    /// Valid, too short, too long and toll-free for each country with a national plan; the valid and
    /// toll-free examples are libphonenumber's verdicts too.
    static let cases: [Case] = [
        valid("+44 20 7946 0958", "GB", .geographic), invalid("+44 20 7946 095", "GB", .tooShort),
        invalid("+44 20 7946 09581", "GB", .tooLong), valid("+44 800 123 4567", "GB", .tollFree),
        valid("+44 7400 123456", "GB", .other), invalid("+44 4123 456789", "GB", .invalidPrefix),
        valid("+49 30 123456", "DE", .geographic), invalid("+49 30 12", "DE", .tooShort),
        invalid("+49 30 1234567890123", "DE", .tooLong), valid("+49 800 1234567", "DE", .tollFree),
        valid("+49 1512 3456789", "DE", .other),
        valid("+33 1 23 45 67 89", "FR", .geographic), invalid("+33 1 23 45 67 8", "FR", .tooShort),
        invalid("+33 1 23 45 67 890", "FR", .tooLong), valid("+33 800 12 34 56", "FR", .tollFree),
        valid("+34 912 345 678", "ES", .geographic), invalid("+34 912 345 67", "ES", .tooShort),
        invalid("+34 912 345 6789", "ES", .tooLong), valid("+34 800 123 456", "ES", .tollFree),
        valid("+39 06 4991 0000", "IT", .geographic), invalid("+39 06 49", "IT", .tooShort),
        invalid("+39 06 4991 0000 123", "IT", .tooLong), valid("+39 800 123 456", "IT", .tollFree),
        valid("+39 312 345 6789", "IT", .other),
        valid("+31 20 123 4567", "NL", .geographic), invalid("+31 20 123 456", "NL", .tooShort),
        invalid("+31 20 123 45678", "NL", .tooLong), valid("+31 800 1234", "NL", .tollFree),
        valid("+353 1 234 5678", "IE", .geographic), invalid("+353 1 234", "IE", .tooShort),
        invalid("+353 1 234 567890", "IE", .tooLong), valid("+353 1800 123 456", "IE", .tollFree),
        valid("+61 2 9876 5432", "AU", .geographic), invalid("+61 2 9876 543", "AU", .tooShort),
        invalid("+61 2 9876 54321", "AU", .tooLong), valid("+61 1800 123 456", "AU", .tollFree),
        valid("+61 4 1234 5678", "AU", .other), valid("+61 1900 123 456", "AU", .premium),
        valid("+91 11 2345 6789", "IN", .geographic), invalid("+91 11 2345 678", "IN", .tooShort),
        invalid("+91 11 2345 67890", "IN", .tooLong), valid("+91 1800 123 4567", "IN", .tollFree),
        valid("+91 98765 43210", "IN", .other),
        valid("+55 11 3123 4567", "BR", .geographic), invalid("+55 11 3123 456", "BR", .tooShort),
        invalid("+55 11 91234 56789", "BR", .tooLong), valid("+55 800 123 4567", "BR", .tollFree),
        valid("+55 11 91234 5678", "BR", .other), valid("+55 0800 123 4567", "BR", .tollFree),
        valid("+52 55 1234 5678", "MX", .geographic), invalid("+52 55 1234 567", "MX", .tooShort),
        invalid("+52 55 1234 56789", "MX", .tooLong), valid("+52 800 123 4567", "MX", .tollFree),
        valid("+52 1 55 1234 5678", "MX", .geographic), valid("+52 900 123 4567", "MX", .premium),
        valid("+81 3 1234 5678", "JP", .geographic), invalid("+81 3 1234 567", "JP", .tooShort),
        invalid("+81 3 1234 56789", "JP", .tooLong), valid("+81 120 123 456", "JP", .tollFree),
        valid("+81 90 1234 5678", "JP", .other), valid("+81 0120 123 456", "JP", .tollFree),
        // Countries without a plan: E.164 sanity and libphonenumber's length range only.
        valid("+7 495 123 45 67", "RU", .other), valid("+7 701 123 4567", "KZ", .other),
        valid("+86 10 1234 5678", "CN", .other), invalid("+86 10 12", "CN", .tooShort),
        valid("+683 4002", "NU", .other), invalid("+683 40", "NU", .tooShort),
        valid("+800 1234 5678", nil, .tollFree), invalid("+800 1234 567", nil, .tooShort),
        valid("+882 1234 5678", nil, .other), invalid("+86 10 1234 5678 9012", "CN", .tooLong),
    ]

    @Test(arguments: cases)
    func internationalNumbers(c: Case) throws {
        let result = PhoneNumberClassifier.classify(c.input)
        #expect(result.region == c.country)
        if let type = c.type {
            let number = try PhoneNumber.parse(c.input)
            #expect(number.type == type)
            #expect(number.country == c.country)
            #expect(number.areaCode == nil)
            // Every typed digit is kept, except a typed trunk 0 and Mexico's retired mobile 1.
            if !c.input.contains(" 0"), !c.input.hasPrefix("+52 1 ") {
                #expect(number.e164 == "+" + c.input.filter(\.isNumber))
            }
            #expect(number.e164.count <= 16)
        } else {
            #expect(throws: PhoneNumberError(c.reason!)) { try PhoneNumber.parse(c.input) }
        }
    }

    @Test func everyCountryCallingCodeIsKnownWithSaneLengths() {
        let codes = CountryCallingCodes.shared
        #expect(codes.entries.count > 200)
        for entry in codes.entries {
            #expect(entry.minLength >= 2 && entry.minLength <= entry.maxLength)
            #expect(Int(entry.digitCount) == String(entry.code).count)
        }
        #expect(codes.regionName(codes.entries[Int(codes.entryByCode[1])].region) == "US")
        #expect(codes.regionName(codes.entries[Int(codes.entryByCode[7])].region) == "RU")
        #expect(codes.entries[Int(codes.entryByCode[800])].region == CountryCallingCodes.noRegion)
        #expect(codes.entryByCode[999] == -1)
    }

    @Test func mobileNumbersAreOtherBecauseTheTypeSetIsClosed() throws {
        #expect(try PhoneNumber.parse("+44 7400 123456").type == .other)
        #expect(try PhoneNumber.parse("+33 6 12 34 56 78").type == .other)
    }
}
