/// A valid phone number in E.164 form, with what porting needs to know about it.
///
/// Encoded (Codable) as its E.164 string, and decoded by parsing, so it can never hold an invalid number.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// "+" and the digits, e.g. "+14155552671".
    public let e164: String
    /// The country calling code: 1, 44, ...
    public let countryCallingCode: Int
    /// The national significant number, e.g. "4155552671".
    public let nationalNumber: String
    /// ISO 3166 alpha-2 region ("US", "CA", "JM", "GB"); nil for non-geographic codes such as +800.
    public let country: String?
    /// What kind of number it is (mobile numbers outside NANP are `other`: the set is closed).
    public let type: NumberType
    /// The NANP area code (NPA), nil outside NANP.
    public let areaCode: String?

    /// Whether this is a North American Numbering Plan (+1) number.
    public var isNANP: Bool { countryCallingCode == 1 }

    public var description: String { e164 }

    /// Reads a number as people type it; throws the reason when it is not a valid number.
    public static func parse(_ text: String) throws(PhoneNumberError) -> PhoneNumber {
        let result = PhoneNumberClassifier.classify(text)
        guard result.isValid, let type = result.type else {
            throw PhoneNumberError(result.reason ?? .notANumber)
        }
        return PhoneNumber(result, type: type)
    }

    init(_ result: PhoneNumberClassifier.Classification, type: NumberType) {
        let e164 = result.e164
        self.e164 = e164
        self.countryCallingCode = result.countryCallingCode
        self.nationalNumber = String(e164.dropFirst(1 + result.countryCodeLength))
        self.country = result.region
        self.type = type
        self.areaCode = result.areaCode.map { String($0) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PhoneNumber.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}
