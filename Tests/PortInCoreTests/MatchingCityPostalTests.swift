import Testing
@testable import PortInCore

@Suite("Matching: city, state and postal code")
struct MatchingCityPostalTests {
    @Test("cities", arguments: [
        ("St. Louis", "Saint Louis", true),
        ("ST LOUIS", "st. louis", true),
        ("Mount Vernon", "Mt. Vernon", true),
        ("Fort Worth", "Ft Worth", true),
        ("Sainte Genevieve", "Ste. Genevieve", true),
        ("Colorado Springs", "Colorado Spgs", true),
        ("North Las Vegas", "N Las Vegas", true),
        ("DeKalb", "De Kalb", true),
        ("San José", "SAN JOSE", true),
        ("Coeur d'Alene", "Coeur dAlene", true),
        ("St. Louis", "St. Paul", false),
        ("Springfield", "Springdale", false),
        ("Fort Worth", "Fort Wayne", false),
        ("Las Vegas", "North Las Vegas", false),
        ("Portland", "Port Land Heights", false),
    ])
    func cities(a: String, b: String, same: Bool) {
        #expect((Normalizer.city(a) == Normalizer.city(b)) == same)
    }

    @Test("states and provinces", arguments: [
        ("CA", "California", true),
        ("n.y.", "New York", true),
        ("ny", "NY", true),
        ("Québec", "QC", true),
        ("District of Columbia", "DC", true),
        ("West Virginia", "WV", true),
        ("Virginia", "WV", false),
        ("CA", "CO", false),
    ])
    func states(a: String, b: String, same: Bool) {
        #expect((Normalizer.state(a) == Normalizer.state(b)) == same)
    }

    @Test("postal codes", arguments: [
        ("94105-1234", "94105", "US", true),
        ("941051234", "94105", "US", true),
        ("94105 1234", "94105-9999", "US", true),
        ("94105", "94107", "US", false),
        ("94105-1234", "94107-1234", "US", false),
        ("9410", "94105", "US", false),
        ("K1A 0B1", "k1a0b1", "CA", true),
        ("K1A-0B1", "K1A 0B1", "CA", true),
        ("K1A 0B1", "K1A 0B2", "CA", false),
        ("SW1A 1AA", "sw1a1aa", "GB", true),
    ])
    func postalCodes(a: String, b: String, country: String, same: Bool) {
        #expect((Normalizer.postalCode(a, country: country) == Normalizer.postalCode(b, country: country)) == same)
    }

    @Test("ZIP+4 is reduced only for US addresses")
    func zipPlusFourOnlyInUS() {
        #expect(Normalizer.postalCode("94105-1234", country: "us") == "94105")
        #expect(Normalizer.postalCode("12345-6789", country: "DE") == "123456789")
    }

    @Test("the requested postal code is read by its own country's rules")
    func postalCodeComparedAcrossAddresses() {
        let record = ServiceAddress(houseNumber: "1", street: "Market St", city: "San Francisco", state: "CA", postalCode: "94105")
        var requested = record
        requested.postalCode = "94105-1234"
        let postal = CSRMatcher.compareAddress(requested, with: record).first { $0.field == "postal_code" }
        #expect(postal?.result == .match)
        requested.postalCode = "94107"
        let wrong = CSRMatcher.compareAddress(requested, with: record).first { $0.field == "postal_code" }
        #expect(wrong?.result == .mismatch(requested: "94107", onRecord: "94105"))
    }
}
