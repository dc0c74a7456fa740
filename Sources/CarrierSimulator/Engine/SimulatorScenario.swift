/// A forced outcome for orders that contain any of `numbers`, so every path can be reproduced.
/// JSON: `{"numbers": [...], "outcome": "reject", "codes": [...]}` | `"delay", "business_days": N`
/// | `"no_response"` | `"fail_activation"`.
public struct SimulatorScenario: Sendable, Hashable, Codable {
    public enum Outcome: Sendable, Hashable {
        /// The losing carrier (or RespOrg) rejects with exactly these codes (on top of any real errors).
        case reject(codes: [String])
        /// The answer comes `businessDays` carrier business days later than drawn.
        case delay(businessDays: Int)
        /// The losing carrier never answers; the partner raises `losing_carrier_no_response`.
        case noResponse
        /// Activation on the FOC date fails with an `activation_failed` exception.
        case failActivation
    }

    /// Numbers as typed; matched by E.164.
    public var numbers: [String]
    public var outcome: Outcome

    public init(numbers: [String], outcome: Outcome) {
        self.numbers = numbers
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case numbers, outcome, codes
        case businessDays = "business_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        numbers = try c.decode([String].self, forKey: .numbers)
        let kind = try c.decode(String.self, forKey: .outcome)
        switch kind {
        case "reject":
            let codes = try c.decodeIfPresent([String].self, forKey: .codes) ?? []
            guard !codes.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .codes, in: c, debugDescription: "reject needs codes")
            }
            outcome = .reject(codes: codes)
        case "delay":
            outcome = .delay(businessDays: try c.decode(Int.self, forKey: .businessDays))
        case "no_response": outcome = .noResponse
        case "fail_activation": outcome = .failActivation
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .outcome, in: c, debugDescription: "outcome must be reject, delay, no_response or fail_activation")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(numbers, forKey: .numbers)
        switch outcome {
        case .reject(let codes):
            try c.encode("reject", forKey: .outcome)
            try c.encode(codes, forKey: .codes)
        case .delay(let days):
            try c.encode("delay", forKey: .outcome)
            try c.encode(days, forKey: .businessDays)
        case .noResponse: try c.encode("no_response", forKey: .outcome)
        case .failActivation: try c.encode("fail_activation", forKey: .outcome)
        }
    }
}
