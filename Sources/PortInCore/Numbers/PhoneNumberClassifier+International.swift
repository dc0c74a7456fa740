extension PhoneNumberClassifier {
    /// A number after "+" (or an international prefix): country code, then the country's rules.
    static func international(_ digits: UInt64, count: Int) -> Classification {
        let codes = CountryCallingCodes.shared
        guard count > 0 else { return .invalid(.tooShort) }
        // Codes are prefix-free: try the first 1, 2 and 3 digits.
        var entryIndex: Int16 = -1
        var codeLength = 0
        for length in 1...min(3, count) {
            let candidate = Int(digits / powerOf10(count - length))
            let found = codes.entryByCode[candidate]
            if found >= 0, Int(codes.entries[Int(found)].digitCount) == length {
                entryIndex = found
                codeLength = length
                break
            }
        }
        guard entryIndex >= 0 else {
            return .invalid(count < 3 ? .tooShort : .unknownCountryCode)
        }
        let entry = codes.entries[Int(entryIndex)]
        let code = Int(entry.code)
        var nationalLength = count - codeLength
        var national = digits % powerOf10(nationalLength)

        if code == 1 {
            if nationalLength == 10 { return nanp(national) }
            var result = Classification.invalid(nationalLength < 10 ? .tooShort : .tooLong)
            result.countryCallingCode = 1
            return result
        }
        let plan = NationalNumberPlan.byCode[code]
        // "+44 020 ...": the trunk 0 is typed by habit; dial it away as libphonenumber does.
        if let plan, plan.dropsTrunkZero, nationalLength > 1, national / powerOf10(nationalLength - 1) == 0 {
            nationalLength -= 1
        }
        // Mexico's retired mobile prefix "+52 1 ..." (11 digits) still circulates.
        if code == 52, nationalLength == 11, national / powerOf10(10) == 1 {
            nationalLength = 10
            national %= powerOf10(10)
        }
        var result = Classification(isValid: false, reason: nil, countryCallingCode: code, regionIndex: entry.region,
                                    type: nil, e164Digits: UInt64(code) * powerOf10(nationalLength) + national,
                                    digitCount: codeLength + nationalLength, countryCodeLength: codeLength)
        if code == 7, nationalLength > 0 {
            // +7 is shared: Kazakhstan has the 6xx and 7xx ranges, Russia the rest.
            let first = national / powerOf10(nationalLength - 1)
            if first == 6 || first == 7, let kz = codes.regionIndex(of: "KZ") { result.regionIndex = kz }
        }
        if result.digitCount > 15 {
            result.reason = .tooLong
            return result
        }
        if let plan {
            let leading = leadingDigits(national, length: nationalLength)
            guard let rule = plan.rule(leading: leading, length: nationalLength) else {
                result.reason = nationalLength < 2 ? .tooShort : .invalidPrefix
                return result
            }
            if nationalLength < rule.minLength {
                result.reason = .tooShort
            } else if nationalLength > rule.maxLength {
                result.reason = .tooLong
            } else {
                result.isValid = true
                result.type = rule.type
            }
            return result
        }
        if nationalLength < Int(entry.minLength) {
            result.reason = .tooShort
        } else if nationalLength > Int(entry.maxLength) {
            result.reason = .tooLong
        } else {
            result.isValid = true
            // Non-geographic services: +800 is international freephone, +979 international premium rate.
            result.type = code == 800 ? .tollFree : code == 979 ? .premium : .other
        }
        return result
    }

    /// The first four digits of a national number (-1 past its end).
    static func leadingDigits(_ national: UInt64, length: Int) -> (Int, Int, Int, Int) {
        func digit(_ k: Int) -> Int {
            k < length ? Int(national / powerOf10(length - 1 - k) % 10) : -1
        }
        return (digit(0), digit(1), digit(2), digit(3))
    }
}
