/// One rejection reason as received from a carrier, mapped to our code. The carrier's own code and
/// message are kept so nothing the carrier said is lost (especially for `.other`).
public struct Rejection: Sendable, Hashable, Codable {
    public let code: RejectionCode
    public let carrierCode: String?
    public let message: String?
    /// The E.164 number the reason is about, when the carrier said.
    public let number: String?
    /// The field path the carrier pointed at, when it said; see `fields` for the fallback.
    public let field: String?

    public init(code: RejectionCode, carrierCode: String? = nil, message: String? = nil, number: String? = nil,
                field: String? = nil) {
        self.code = code
        self.carrierCode = carrierCode
        self.message = message
        self.number = number
        self.field = field
    }

    /// Maps the carrier's code with `RejectionCatalog.map(carrierCode:carrier:)`.
    public init(carrierCode: String, carrier: String?, message: String? = nil, number: String? = nil,
                field: String? = nil) {
        self.init(code: RejectionCatalog.map(carrierCode: carrierCode, carrier: carrier), carrierCode: carrierCode,
                  message: message, number: number, field: field)
    }

    /// The fields to highlight: the one the carrier named, else the catalog's fields for the code.
    public var fields: [String] { field.map { [$0] } ?? RejectionCatalog.entry(for: code).fields }
}
