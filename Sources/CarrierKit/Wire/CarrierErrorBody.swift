/// The JSON body of every partner-API answer that is not the call's normal result:
/// `{"error": "<code>", "message": "...", "errors": [CarrierError]}`.
public struct CarrierErrorBody: Sendable, Hashable, Codable {
    /// A stable code: `invalid_request`, `not_found`, `unauthorized`, `too_large`, `unavailable`...
    public var error: String
    public var message: String
    public var errors: [CarrierError]
    /// `too_large`: the most numbers one call may carry.
    public var limit: Int?

    public init(error: String, message: String, errors: [CarrierError] = [], limit: Int? = nil) {
        self.error = error
        self.message = message
        self.errors = errors
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decode(String.self, forKey: .error)
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        // Absent and empty mean the same thing; proxies and older carriers omit it.
        errors = try container.decodeIfPresent([CarrierError].self, forKey: .errors) ?? []
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
    }
}

/// The partner API's paths, shared by the HTTP gateway and the simulator's server.
public enum PartnerAPI {
    /// The most numbers one portability check may carry.
    public static let portabilityLimit = 20_000
    public static let portability = "/v1/portability"
    public static let csr = "/v1/csr"
    public static let orders = "/v1/orders"
    public static let health = "/health"

    public static func supplements(_ pon: String) -> String { "/v1/orders/\(escape(pon))/supplements" }
    public static func cancel(_ pon: String) -> String { "/v1/orders/\(escape(pon))/cancel" }
    public static func activate(_ pon: String) -> String { "/v1/orders/\(escape(pon))/activate" }

    /// The `Idempotency-Key` of an order call: a retried call carries the same key, so the
    /// carrier never creates a second order or version.
    public static func idempotencyKey(pon: String, version: Int) -> String { "\(pon)-v\(version)" }
    public static let idempotencyKeyHeader = "Idempotency-Key"

    /// PONs are free text on our side; a path segment must not carry `/`, `?`, `#` or `%` raw.
    static func escape(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
