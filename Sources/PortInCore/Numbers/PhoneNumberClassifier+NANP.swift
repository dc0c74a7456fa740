extension PhoneNumberClassifier {
    /// NANP rules on the 10-digit national number NPA-NXX-XXXX; the structural rules come first, then
    /// the in-service table derived from libphonenumber.
    static func nanp(_ national: UInt64) -> Classification {
        let npa = Int(national / 10_000_000)
        let nxx = Int(national / 10_000 % 1000)
        let line = Int(national % 10_000)
        let table = NANPTable.shared
        var result = Classification(isValid: false, reason: nil, countryCallingCode: 1, regionIndex: noRegion,
                                    type: nil, e164Digits: 10_000_000_000 + national, digitCount: 11,
                                    countryCodeLength: 1)
        // N11 codes (211, 311, ... 911) are service codes, never area codes.
        if npa < 200 || npa % 100 == 11 {
            result.reason = .invalidAreaCode
            return result
        }
        if npa / 10 % 10 == 9 || !table.npaInService[npa] {
            result.reason = .unassignedAreaCode
            return result
        }
        result.regionIndex = table.npaRegion[npa]
        if nxx < 200 || nxx % 100 == 11 {
            result.reason = .invalidExchange
            return result
        }
        if nxx == 555, line >= 100, line <= 199 {
            result.reason = .fictional
            return result
        }
        let cls = table.lookup(npa: npa, nxx: nxx, digit: line / 1000)
        if cls == NANPTable.invalid {
            result.reason = .unassignedExchange
            return result
        }
        let info = table.classes[Int(cls)]
        result.isValid = true
        result.regionIndex = info.region
        result.type = info.type
        return result
    }
}
