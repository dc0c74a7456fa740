import Testing
@testable import PortInCore

@Suite("Matching: person and business names")
struct MatchingNameTests {
    @Test("person names that match in strict mode", arguments: [
        ("O'Brien", "OBRIEN"),
        ("O'Brien", "o brien"),
        ("O\u{2019}Brien", "O'Brien"),
        ("Mary-Ann", "Mary Ann"),
        ("Mary-Ann", "MaryAnn"),
        ("José", "JOSE"),
        ("  john   smith ", "John Smith"),
        ("J.R. Smith", "JR Smith"),
        ("Smith, John", "smith john"),
        ("de la Cruz", "DELACRUZ"),
    ])
    func personNamesMatch(a: String, b: String) {
        #expect(Normalizer.personName(a) == Normalizer.personName(b))
        #expect(CSRMatcher.personNamesMatch(a, b, strict: true, keepsLastWord: true))
    }

    @Test("person names that never match", arguments: [
        ("John", "Jon"),
        ("Smith", "Smyth"),
        ("John Smith", "Jane Smith"),
        ("Ann", "Anne"),
        ("J Smith", "John Smith"),
        ("John Smith", "John Smith Jr"),
        ("John Smith", "Smith"),
    ])
    func personNamesDiffer(a: String, b: String) {
        #expect(!CSRMatcher.personNamesMatch(a, b, strict: true, keepsLastWord: true))
        #expect(!CSRMatcher.personNamesMatch(a, b, strict: false, keepsLastWord: true))
    }

    @Test("middle initials: strict rejects one-sided initials, lenient ignores them", arguments: [
        // (a, b, full name?, strict result, lenient result)
        ("John Q. Public", "John Public", true, false, true),
        ("John Public", "John Q Public", true, false, true),
        ("John Q. R. Public", "John Public", true, false, true),
        ("John Q Public", "John R Public", true, false, false),
        ("John Q Public", "John Quincy Public", true, false, false),
        ("John Quincy Public", "John Public", true, false, false),
        ("John Q. Public", "John Q Public", true, true, true),
        ("John Q", "John", false, false, true),
        ("John", "John Q.", false, false, true),
        ("J", "John", false, false, false),
        ("John Q", "Joan", false, false, false),
    ])
    func middleInitials(a: String, b: String, fullName: Bool, strict: Bool, lenient: Bool) {
        #expect(CSRMatcher.personNamesMatch(a, b, strict: true, keepsLastWord: fullName) == strict)
        #expect(CSRMatcher.personNamesMatch(a, b, strict: false, keepsLastWord: fullName) == lenient)
    }

    @Test("business names that match in strict mode", arguments: [
        ("Acme Incorporated", "ACME, Inc."),
        ("Acme LLC", "Acme L.L.C."),
        ("Acme Limited Liability Company", "acme llc"),
        ("Acme Limited Liability Co.", "Acme LLC"),
        ("Acme Corporation", "Acme Corp."),
        ("Acme Company", "Acme Co"),
        ("Acme Limited", "Acme Ltd."),
        ("Acme Limited Partnership", "Acme L.P."),
        ("Acme Limited Liability Partnership", "Acme LLP"),
        ("Acme Professional Corporation", "Acme P.C."),
        ("Smith & Sons", "Smith and Sons"),
        ("The Acme Company", "Acme Co."),
        ("Acme Company, The", "ACME CO"),
        ("Joe's Pizza", "Joes Pizza"),
        ("Café Rouge", "CAFE ROUGE"),
        ("Acme  Widgets", "Acme Widgets"),
    ])
    func businessNamesMatch(a: String, b: String) {
        #expect(Normalizer.businessName(a) == Normalizer.businessName(b))
        #expect(CSRMatcher.businessNamesMatch(a, b, strict: true))
    }

    @Test("business names that never match", arguments: [
        ("Acme Inc", "Acme LLC"),
        ("Acme Corp", "Acme Co"),
        ("Acme LP", "Acme LLP"),
        ("Acme", "Acne"),
        ("Smith & Sons", "Smith & Son"),
        ("Acme Widgets Inc", "Acme Gadgets Inc"),
        ("Acme Inc", "Acme Widgets Inc"),
    ])
    func businessNamesDiffer(a: String, b: String) {
        #expect(!CSRMatcher.businessNamesMatch(a, b, strict: true))
        #expect(!CSRMatcher.businessNamesMatch(a, b, strict: false))
    }

    @Test("entity suffix on one side only: strict mismatch, lenient match", arguments: [
        ("Acme", "Acme Inc"),
        ("Acme Widgets LLC", "Acme Widgets"),
        ("The Acme Company", "Acme"),
        ("The Company Store", "Company Store Inc"),
    ])
    func oneSidedEntitySuffix(a: String, b: String) {
        #expect(!CSRMatcher.businessNamesMatch(a, b, strict: true))
        #expect(CSRMatcher.businessNamesMatch(a, b, strict: false))
    }

    @Test("business name keys", arguments: [
        ("The Acme Company, Inc.", "ACMECOINC"),
        ("Smith & Sons Limited Liability Company", "SMITHANDSONSLLC"),
        ("The", "THE"),
    ])
    func businessNameKey(input: String, key: String) {
        #expect(Normalizer.businessName(input) == key)
    }

    @Test("account numbers ignore case, punctuation and spacing", arguments: [
        ("ab-123 45", "AB12345", true),
        ("8001-2345-67", "800123456 7", true),
        ("A.B/12", "ab12", true),
        ("800123456", "800123457", false),
        ("0800123", "800123", false),
    ])
    func accountNumbers(a: String, b: String, same: Bool) {
        #expect((Normalizer.accountNumber(a) == Normalizer.accountNumber(b)) == same)
    }
}
