import Testing
@testable import PortInCore

@Suite("Matching: request draft against CSR")
struct MatchingCSRTests {
    static let pin = "8413"

    static let businessCSR = CustomerServiceRecord(
        accountNumber: "ACC-7741-02", pin: pin, btn: "+14155550123", subscriberType: .business,
        businessName: "Acme Widgets, Incorporated", authorizedName: "Jane Q. Doe",
        serviceAddress: ServiceAddress(houseNumber: "500", street: "North Fifth Avenue", unit: "Suite 200",
                                       city: "Saint Louis", state: "MO", postalCode: "63101"),
        numbers: ["+14155550123", "+14155550124"])

    static let residentialCSR = CustomerServiceRecord(
        accountNumber: "998877", btn: "+13125550199", subscriberType: .residential,
        firstName: "Mary-Ann", lastName: "O'Brien", authorizedName: "Mary-Ann O'Brien",
        serviceAddress: ServiceAddress(houseNumber: "42", street: "W Forty-Second St", unit: "Apt 4B",
                                       city: "Chicago", state: "IL", postalCode: "60601-2345"),
        numbers: ["+13125550199"])

    /// A business draft typed differently from the CSR but matching it field by field.
    static func businessDraft() -> PortRequestDraft {
        PortRequestDraft(
            subscriberType: .business, businessName: "ACME WIDGETS INC.",
            authorizedPerson: AuthorizedPerson(name: "jane q doe"),
            serviceAddress: ServiceAddress(houseNumber: "500", street: "N 5th Ave", unit: "Ste. 200",
                                           city: "St. Louis", state: "Missouri", postalCode: "63101-4400"),
            accountNumber: "acc 774102", pin: pin, btn: "(415) 555-0123")
    }

    @Test("a business draft typed differently matches every field")
    func businessAllMatch() {
        let results = CSRMatcher.compare(Self.businessDraft(), with: Self.businessCSR)
        #expect(results.map(\.field) == [
            "business_name", "authorized_person.name",
            "service_address.house_number", "service_address.street", "service_address.unit",
            "service_address.city", "service_address.state", "service_address.postal_code",
            "account_number", "btn", "pin",
        ])
        #expect(results.allSatisfy { $0.result.isMatch })
        #expect(CSRMatcher.mismatches(Self.businessDraft(), with: Self.businessCSR).isEmpty)
    }

    @Test("a residential CSR is compared on first and last name, not business name")
    func residentialFields() {
        let draft = PortRequestDraft(
            subscriberType: .residential, businessName: "Ignored LLC", firstName: "Mary Ann", lastName: "OBRIEN",
            authorizedPerson: AuthorizedPerson(name: "mary ann o brien"),
            serviceAddress: ServiceAddress(houseNumber: "42", street: "West 42nd Street", unit: "#4B",
                                           city: "chicago", state: "il", postalCode: "60601"),
            accountNumber: "998-877", btn: "13125550199")
        let results = CSRMatcher.compare(draft, with: Self.residentialCSR)
        #expect(results.map(\.field).prefix(3) == ["first_name", "last_name", "authorized_person.name"])
        #expect(!results.contains { $0.field == "business_name" || $0.field == "pin" })
        #expect(CSRMatcher.mismatches(draft, with: Self.residentialCSR) == [])
    }

    @Test("account number: punctuation is ignored, a different number is not", arguments: [
        ("ACC 7741 02", true),
        ("acc.7741.02", true),
        ("ACC-7741-03", false),
        ("ACC-7741-2", false),
    ])
    func accountNumber(typed: String, matches: Bool) {
        var draft = Self.businessDraft()
        draft.accountNumber = typed
        let mismatches = CSRMatcher.mismatches(draft, with: Self.businessCSR)
        let expected: [FieldComparison] = matches ? [] : [
            FieldComparison(field: "account_number", result: .mismatch(requested: typed, onRecord: "ACC-7741-02")),
        ]
        #expect(mismatches == expected)
    }

    @Test("BTN: formatting and a leading 1 are ignored", arguments: [
        ("+1 415 555 0123", true),
        ("415.555.0123", true),
        ("1-415-555-0123", true),
        ("415-555-0124", false),
        ("+44 415 555 0123", false),
    ])
    func btn(typed: String, matches: Bool) {
        var draft = Self.businessDraft()
        draft.btn = typed
        let btn = CSRMatcher.compare(draft, with: Self.businessCSR).first { $0.field == "btn" }
        #expect(btn?.result.isMatch == matches)
    }

    @Test("PIN results never contain the PIN", arguments: [
        ("9999", FieldMatch.mismatch(requested: FieldMatch.redacted, onRecord: FieldMatch.redacted)),
        ("84134", FieldMatch.mismatch(requested: FieldMatch.redacted, onRecord: FieldMatch.redacted)),
        ("", FieldMatch.missing(onRecord: FieldMatch.redacted)),
        (" 84-13 ", FieldMatch.match),
    ])
    func pinIsNeverLeaked(typed: String, expected: FieldMatch) {
        var draft = Self.businessDraft()
        draft.pin = typed
        let results = CSRMatcher.compare(draft, with: Self.businessCSR)
        #expect(results.first { $0.field == "pin" }?.result == expected)
        let secrets = [Self.pin, typed.trimmingCharacters(in: .whitespaces)].filter { $0.count >= 4 }
        for result in results {
            let texts = [result.field, String(describing: result), String(reflecting: result)] + Self.strings(in: result.result)
            for text in texts {
                for secret in secrets {
                    #expect(!text.contains(secret), "\(result.field) leaks a PIN")
                }
            }
        }
    }

    @Test("no PIN on the record: no pin field, whatever the request says")
    func noPINOnRecord() {
        var csr = Self.businessCSR
        csr.pin = nil
        var draft = Self.businessDraft()
        draft.pin = "1234"
        #expect(!CSRMatcher.compare(draft, with: csr).contains { $0.field == "pin" })
    }

    @Test("every mismatch is reported at once, with the values as typed and as on record")
    func allMismatchesAtOnce() {
        var draft = Self.businessDraft()
        draft.businessName = "Acme Gadgets Inc"
        draft.serviceAddress?.houseNumber = "550"
        draft.serviceAddress?.street = "S 5th Ave"
        draft.serviceAddress?.unit = "Fl 2"
        draft.serviceAddress?.postalCode = "63102"
        draft.accountNumber = nil
        let mismatches = CSRMatcher.mismatches(draft, with: Self.businessCSR)
        #expect(mismatches == [
            FieldComparison(field: "business_name",
                            result: .mismatch(requested: "Acme Gadgets Inc", onRecord: "Acme Widgets, Incorporated")),
            FieldComparison(field: "service_address.house_number", result: .mismatch(requested: "550", onRecord: "500")),
            FieldComparison(field: "service_address.street",
                            result: .mismatch(requested: "S 5th Ave", onRecord: "North Fifth Avenue")),
            FieldComparison(field: "service_address.unit", result: .mismatch(requested: "Fl 2", onRecord: "Suite 200")),
            FieldComparison(field: "service_address.postal_code", result: .mismatch(requested: "63102", onRecord: "63101")),
            FieldComparison(field: "account_number", result: .missing(onRecord: "ACC-7741-02")),
        ])
    }

    @Test("a draft without a service address misses every address field the record has")
    func noServiceAddress() {
        var draft = Self.businessDraft()
        draft.serviceAddress = nil
        let address = CSRMatcher.mismatches(draft, with: Self.businessCSR).filter { $0.field.hasPrefix("service_address.") }
        #expect(address.count == 6)
        #expect(address.allSatisfy { if case .missing = $0.result { true } else { false } })
    }

    @Test("strict flags a one-sided middle initial and entity suffix; lenient does not")
    func strictVersusLenient() {
        var draft = Self.businessDraft()
        draft.authorizedPerson = AuthorizedPerson(name: "Jane Doe")
        draft.businessName = "Acme Widgets"
        #expect(CSRMatcher.mismatches(draft, with: Self.businessCSR).map(\.field) == ["business_name", "authorized_person.name"])
        #expect(CSRMatcher.mismatches(draft, with: Self.businessCSR, strict: false).isEmpty)
    }

    @Test("residential names: a wrong last name is flagged even when the first name matches")
    func residentialLastNameMismatch() {
        let draft = PortRequestDraft(
            subscriberType: .residential, firstName: "Mary-Ann", lastName: "Bryan",
            authorizedPerson: AuthorizedPerson(name: "Mary-Ann O'Brien"),
            serviceAddress: Self.residentialCSR.serviceAddress, accountNumber: "998877", btn: "+13125550199")
        #expect(CSRMatcher.mismatches(draft, with: Self.residentialCSR) == [
            FieldComparison(field: "last_name", result: .mismatch(requested: "Bryan", onRecord: "O'Brien")),
        ])
    }

    /// Every string carried by a result, so the PIN test can look inside each one.
    static func strings(in match: FieldMatch) -> [String] {
        switch match {
        case .match: return []
        case let .mismatch(requested, onRecord): return [requested, onRecord]
        case let .missing(onRecord): return [onRecord]
        }
    }
}
