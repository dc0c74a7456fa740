/// A fault injected per carrier (SPID, slug or RespOrg id) or per number. Several may be combined in
/// one value. JSON keys are snake_case: `carrier`, `numbers`, `routes`, `http_5xx_count`,
/// `http_5xx_rate`, `http_status`, `slow_ms`, `duplicate_callbacks`, `out_of_order_callbacks`, `no_response`.
public struct SimulatorFault: Sendable, Hashable, Codable {
    /// Applies to requests / orders for this carrier; nil with nil `numbers` applies to everything.
    public var carrier: String?
    /// Applies to requests / orders containing any of these numbers.
    public var numbers: [String]?
    /// HTTP faults only hit routes starting with one of these (e.g. `/v1/orders`); nil means every route.
    public var routes: [String]?
    /// The next N matching HTTP calls fail with `httpStatus`.
    public var http5xxCount: Int?
    /// Each matching HTTP call fails with this probability (0...1), drawn deterministically per call.
    public var http5xxRate: Double?
    /// Status for failed calls (default 503).
    public var httpStatus: Int?
    /// Matching HTTP calls answer this many milliseconds late.
    public var slowMs: Int?
    /// Every callback of matching orders is delivered twice.
    public var duplicateCallbacks: Bool
    /// `verified` callbacks of matching orders are held back and delivered after the carrier's answer.
    public var outOfOrderCallbacks: Bool
    /// The losing carrier never answers matching orders.
    public var noResponse: Bool

    public init(carrier: String? = nil, numbers: [String]? = nil, routes: [String]? = nil, http5xxCount: Int? = nil,
                http5xxRate: Double? = nil, httpStatus: Int? = nil, slowMs: Int? = nil, duplicateCallbacks: Bool = false,
                outOfOrderCallbacks: Bool = false, noResponse: Bool = false) {
        self.carrier = carrier
        self.numbers = numbers
        self.routes = routes
        self.http5xxCount = http5xxCount
        self.http5xxRate = http5xxRate
        self.httpStatus = httpStatus
        self.slowMs = slowMs
        self.duplicateCallbacks = duplicateCallbacks
        self.outOfOrderCallbacks = outOfOrderCallbacks
        self.noResponse = noResponse
    }

    enum CodingKeys: String, CodingKey {
        case carrier, numbers, routes
        case http5xxCount = "http_5xx_count"
        case http5xxRate = "http_5xx_rate"
        case httpStatus = "http_status"
        case slowMs = "slow_ms"
        case duplicateCallbacks = "duplicate_callbacks"
        case outOfOrderCallbacks = "out_of_order_callbacks"
        case noResponse = "no_response"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            carrier: try c.decodeIfPresent(String.self, forKey: .carrier),
            numbers: try c.decodeIfPresent([String].self, forKey: .numbers),
            routes: try c.decodeIfPresent([String].self, forKey: .routes),
            http5xxCount: try c.decodeIfPresent(Int.self, forKey: .http5xxCount),
            http5xxRate: try c.decodeIfPresent(Double.self, forKey: .http5xxRate),
            httpStatus: try c.decodeIfPresent(Int.self, forKey: .httpStatus),
            slowMs: try c.decodeIfPresent(Int.self, forKey: .slowMs),
            duplicateCallbacks: try c.decodeIfPresent(Bool.self, forKey: .duplicateCallbacks) ?? false,
            outOfOrderCallbacks: try c.decodeIfPresent(Bool.self, forKey: .outOfOrderCallbacks) ?? false,
            noResponse: try c.decodeIfPresent(Bool.self, forKey: .noResponse) ?? false)
    }
}

/// What the HTTP layer must do to one call: fail it with `status`, and/or answer `delayMilliseconds` late.
public struct HTTPFault: Sendable, Hashable {
    /// An HTTP status (5xx) to answer after the call was handled, as if the answer were lost on the
    /// way back (the harder case for a client: a retry must not create a second order); nil for none.
    public var status: Int?
    /// Milliseconds to wait before answering.
    public var delayMilliseconds: Int

    public init(status: Int? = nil, delayMilliseconds: Int = 0) {
        self.status = status
        self.delayMilliseconds = delayMilliseconds
    }
}
