/// Why a text is not a valid phone number; raw values are stable snake_case codes for APIs and CLIs.
public enum InvalidNumberReason: String, Sendable, Hashable, Codable, CaseIterable {
    case notANumber = "not_a_number"
    case invalidCharacter = "invalid_character"
    case containsLetters = "contains_letters"
    case hasExtension = "has_extension"
    case tooShort = "too_short"
    case tooLong = "too_long"
    case unknownCountryCode = "unknown_country_code"
    case invalidPrefix = "invalid_prefix"
    case invalidAreaCode = "invalid_area_code"
    case unassignedAreaCode = "unassigned_area_code"
    case invalidExchange = "invalid_exchange"
    case unassignedExchange = "unassigned_exchange"
    case fictional

    /// A sentence for people: what is wrong and what to do about it.
    public var message: String {
        switch self {
        case .notANumber:
            "This is not a phone number: enter digits, e.g. (415) 555-2671 or +44 20 7946 0958."
        case .invalidCharacter:
            "The number contains a character that does not belong in a phone number; use digits, spaces, dashes, dots or parentheses."
        case .containsLetters:
            "The number contains letters; spell vanity numbers (1-800-FLOWERS) out as digits (1-800-356-9377)."
        case .hasExtension:
            "Extensions cannot be ported; enter the main number without the extension."
        case .tooShort:
            "The number is too short; include the area code (and the country code for numbers outside North America)."
        case .tooLong:
            "The number has too many digits; check for an extra digit or a repeated country code."
        case .unknownCountryCode:
            "The country calling code after + is not assigned to any country."
        case .invalidPrefix:
            "No numbers in this country start with these digits."
        case .invalidAreaCode:
            "North American area codes start with 2-9 and are not N11 service codes."
        case .unassignedAreaCode:
            "This area code is not in service in the North American Numbering Plan."
        case .invalidExchange:
            "The exchange (the 3 digits after the area code) must start with 2-9 and must not be an N11 service code."
        case .unassignedExchange:
            "This exchange is not in service in this area code."
        case .fictional:
            "555-0100 through 555-0199 are reserved for fiction and examples; they are never real numbers."
        }
    }
}
