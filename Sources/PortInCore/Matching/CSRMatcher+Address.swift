extension CSRMatcher {
    /// One comparison per field, in this order: house_number, street, unit, city, state, postal_code.
    /// Unit present on one side only is a mismatch (or missing, when the request omits it).
    public static func compareAddress(_ requested: ServiceAddress, with record: ServiceAddress) -> [FieldComparison] {
        [
            field("house_number", requested.houseNumber, record.houseNumber, key: Normalizer.houseNumber),
            field("street", requested.street, record.street, key: Normalizer.street),
            field("unit", requested.unit, record.unit, key: Normalizer.unit, matches: unitsMatch),
            field("city", requested.city, record.city, key: Normalizer.city),
            field("state", requested.state, record.state, key: Normalizer.state),
            field("postal_code", requested.postalCode, record.postalCode,
                  key: { Normalizer.postalCode($0, country: record.country) },
                  matches: { // each side is read by its own country's rules
                      Normalizer.postalCode($0, country: requested.country) == Normalizer.postalCode($1, country: record.country)
                  }),
        ]
    }

    /// Units match when they have the same designator/identifier pairs in order, "#" standing for
    /// any designator: "#200" = "Suite 200", but "Fl 2" != "Ste 2" and "Apt 4B" != "Apt 4".
    public static func unitsMatch(_ a: String?, _ b: String?) -> Bool {
        let aParts = Normalizer.unitParts(a ?? ""), bParts = Normalizer.unitParts(b ?? "")
        return aParts.count == bParts.count && zip(aParts, bParts).allSatisfy { $0.matches($1) }
    }
}
