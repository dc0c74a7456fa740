import Testing
@testable import PortInCore

@Suite("Matching: streets and house numbers")
struct MatchingStreetTests {
    @Test("USPS suffixes, directionals and ordinals that match", arguments: [
        ("Main Street", "Main St"),
        ("Main Str", "MAIN ST."),
        ("Fifth Avenue", "5th Ave"),
        ("Park Av", "Park Avenue"),
        ("Sunset Boulevard", "Sunset Blvd"),
        ("Mill Road", "Mill Rd"),
        ("Ocean Drive", "Ocean Dr"),
        ("Lovers Lane", "Lovers Ln"),
        ("Oak Court", "Oak Ct"),
        ("Elm Place", "Elm Pl"),
        ("Garden State Parkway", "Garden State Pkwy"),
        ("Pacific Coast Highway", "Pacific Coast Hwy"),
        ("Dupont Circle", "Dupont Cir"),
        ("Grove Terrace", "Grove Ter"),
        ("Union Square", "Union Sq"),
        ("Appalachian Trail", "Appalachian Trl"),
        ("Long Island Expressway", "Long Island Expy"),
        ("Harbor Freeway", "Harbor Fwy"),
        ("Market Plaza", "Market Plz"),
        ("Sandy Point", "Sandy Pt"),
        ("Commerce Center", "Commerce Ctr"),
        ("Commerce Centre", "Commerce Ctr"),
        ("Abbey Way", "Abbey Wy"),
        ("North Main Street", "N Main St"),
        ("South Main St", "S. Main St."),
        ("East 42nd Street", "E 42nd St"),
        ("West Elm Ave", "W Elm Ave"),
        ("Northeast Broadway", "NE Broadway"),
        ("Northwest 7th Ave", "N.W. Seventh Avenue"),
        ("Southeast Oak St", "SE Oak St"),
        ("Southwest Oak St", "SW Oak St"),
        ("Pennsylvania Avenue Northwest", "Pennsylvania Ave NW"),
        ("Park Avenue South", "Park Ave S"),
        ("Lake Shore Drive North", "Lake Shore Dr N"),
        ("First Street", "1st St"),
        ("Second Ave", "2nd Ave"),
        ("Third St", "3rd St"),
        ("Eleventh Ave", "11th Ave"),
        ("Twelfth St", "12th St"),
        ("Thirteenth St", "13th St"),
        ("Twentieth St", "20th St"),
        ("Twenty-First Street", "21st St"),
        ("Forty-Second Street", "42nd St"),
        ("Forty Second St", "42nd St"),
        ("Ninety-Ninth Street", "99th St"),
        ("Hundredth St", "100th St"),
        ("42d Street", "42nd St"),
        ("Saint Charles Ave", "St. Charles Avenue"),
        ("O'Farrell Street", "OFarrell St"),
        ("  Main    St  ", "main st"),
        ("Avenue of the Americas", "Ave of the Americas"),
    ])
    func streetsMatch(a: String, b: String) {
        #expect(Normalizer.street(a) == Normalizer.street(b))
    }

    @Test("different streets never match", arguments: [
        ("Main St", "Maine St"),
        ("N Main St", "S Main St"),
        ("N Main St", "Main St"),
        ("Main St N", "N Main St"),
        ("Main St", "Main Ave"),
        ("Oak Ct", "Oak Cts"),
        ("Main St", "Main Rd"),
        ("Fifth Ave", "Fourth Ave"),
        ("42nd St", "24th St"),
        ("Forty-Second St", "42 St"),
        ("Twenty First St", "20th First St"),
        ("1st St", "11th St"),
        ("Elm St", "Elm"),
        ("NE Broadway", "NW Broadway"),
        ("Broadway", "Broad Way"),
        ("Market Plaza", "Market Place"),
        ("Sunset Blvd", "Sunrise Blvd"),
        ("Park Ave", "Park Ave Ext"),
    ])
    func streetsDiffer(a: String, b: String) {
        #expect(Normalizer.street(a) != Normalizer.street(b))
    }

    @Test("street keys", arguments: [
        ("North Fifth Avenue", "N 5TH AVE"),
        ("forty-second street", "42ND ST"),
        ("Pennsylvania Avenue, N.W.", "PENNSYLVANIA AVE NW"),
        ("Twenty-Third St", "23RD ST"),
        ("Hundredth", "100TH"),
        ("", ""),
    ])
    func streetKey(input: String, key: String) {
        #expect(Normalizer.street(input) == key)
    }

    @Test("every suffix abbreviation is its own canonical form")
    func suffixTableIsClosed() {
        for abbreviation in Set(Normalizer.streetSuffixes.values) {
            #expect(Normalizer.streetSuffixes[abbreviation] == abbreviation, "\(abbreviation)")
        }
        #expect(Normalizer.streetSuffixes.count > 250)
    }

    @Test("street keys are stable when normalised twice", arguments: [
        "North Fifth Avenue", "Forty-Second Street", "Saint Charles Avenue", "Park Avenue South",
        "Avenue of the Americas", "Old Mill Road Extension",
    ])
    func streetKeyIsIdempotent(input: String) {
        let key = Normalizer.street(input)
        #expect(Normalizer.street(key) == key)
    }

    @Test("house numbers", arguments: [
        ("123", "123", true),
        ("123", " 123 ", true),
        ("123a", "123A", true),
        ("123 A", "123A", true),
        ("123-125", "123 - 125", true),
        ("123 1/2", "123 1/2", true),
        ("123", "132", false),
        ("123A", "123", false),
        ("123A", "123B", false),
        ("123-125", "123", false),
        ("123-125", "123-127", false),
        ("12 34", "1234", false),
        ("0123", "123", false),
    ])
    func houseNumbers(a: String, b: String, same: Bool) {
        #expect((Normalizer.houseNumber(a) == Normalizer.houseNumber(b)) == same)
    }

    @Test("whole addresses: a different house number or street is a mismatch on that field only", arguments: [
        ("123", "Main St", "132", "Main St", "house_number"),
        ("123", "Main St", "123", "Maine St", "street"),
        ("123", "N Main St", "123", "S Main St", "street"),
        ("123A", "Main St", "123", "Main St", "house_number"),
    ])
    func addressFieldMismatch(house: String, street: String, recordHouse: String, recordStreet: String, field: String) {
        let requested = ServiceAddress(houseNumber: house, street: street, city: "Springfield", state: "IL", postalCode: "62701")
        let record = ServiceAddress(houseNumber: recordHouse, street: recordStreet, city: "Springfield", state: "IL", postalCode: "62701")
        let results = CSRMatcher.compareAddress(requested, with: record)
        #expect(results.map(\.field) == ["house_number", "street", "unit", "city", "state", "postal_code"])
        #expect(results.filter { !$0.result.isMatch }.map(\.field) == [field])
    }
}
