import Foundation

extension PortRequestValidator {
    static func checkServiceAddress(_ draft: PortRequestDraft, into problems: inout Problems) {
        guard let address = draft.serviceAddress else {
            problems.error("service_address", "required", "The service address (where the numbers are used, as the current carrier has it) is required.")
            return
        }
        let prefix = "service_address."
        problems.require(address.houseNumber, prefix + "house_number", "The house number")
        problems.require(address.street, prefix + "street", "The street")
        problems.require(address.city, prefix + "city", "The city")
        let state = problems.require(address.state, prefix + "state", "The state")
        let postal = problems.require(address.postalCode, prefix + "postal_code", "The ZIP or postal code")
        problems.require(address.country, prefix + "country", "The country")

        for (field, value) in [("house_number", address.houseNumber), ("street", address.street), ("unit", address.unit ?? "")]
        where isPOBox(value) {
            problems.error(prefix + field, "po_box_not_allowed",
                           "A PO box is not a service address; give the street address where the lines are installed or used.")
        }
        let country = address.country.uppercased()
        if country == "US" {
            if let postal, !isUSZIP(postal) {
                problems.error(prefix + "postal_code", "invalid_postal_code", "\(postal) is not a US ZIP code; use 5 digits (94105) or ZIP+4 (94105-1234).")
            }
            if let state, !USStates.codes.contains(state.uppercased()) {
                problems.error(prefix + "state", "invalid_state", "\(state) is not a US state code; use the two-letter USPS code (for example CA).")
            }
        } else if country == "CA", let postal, !isCanadianPostalCode(postal) {
            problems.error(prefix + "postal_code", "invalid_postal_code", "\(postal) is not a Canadian postal code; use the form A1A 1A1.")
        }
    }

    /// PO boxes in their common spellings ("PO Box 12", "P.O. Box 12", "Post Office Box 9",
    /// "POB 77", "Box 5") without catching street names such as "Boxwood Rd" or "Pobox Hill Ln".
    static func isPOBox(_ text: String) -> Bool {
        let cleaned = text.uppercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        var words: [String] = []
        // Join runs of single letters so "P O BOX" reads as "PO BOX".
        for word in String(cleaned).split(separator: " ").map(String.init) {
            if word.count == 1, word.first!.isLetter, let last = words.last, last.allSatisfy(\.isLetter), last.count < 2 {
                words[words.count - 1] = last + word
            } else {
                words.append(word)
            }
        }
        func isNumber(_ index: Int) -> Bool { index < words.count && words[index].first?.isNumber == true }
        switch words.first {
        case "PO" where words.count > 1 && (words[1] == "BOX" || words[1] == "BX"): return true
        case "POST" where words.count > 1 && words[1] == "BOX": return true
        case "POST" where words.count > 2 && words[1] == "OFFICE" && words[2] == "BOX": return true
        case "POBOX", "POSTBOX": return isNumber(1)
        case "POB", "BOX": return isNumber(1)
        default: return false
        }
    }

    static func isUSZIP(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ slice: ArraySlice<UInt8>) -> Bool { slice.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if bytes.count == 5 { return digits(bytes[...]) }
        if bytes.count == 10 { return digits(bytes[0..<5]) && bytes[5] == UInt8(ascii: "-") && digits(bytes[6...]) }
        return false
    }

    static func isCanadianPostalCode(_ text: String) -> Bool {
        let chars = Array(text.uppercased().filter { $0 != " " })
        guard chars.count == 6 else { return false }
        for (i, c) in chars.enumerated() {
            let ok = i % 2 == 0 ? (c.isASCII && c.isLetter) : (c.isASCII && c.isNumber)
            if !ok { return false }
        }
        return true
    }
}

/// USPS state and territory codes accepted in a US service address.
enum USStates {
    static let codes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
        "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
        "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
        "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
    ]
}
