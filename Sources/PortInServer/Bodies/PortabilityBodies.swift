import CarrierKit
import PortInCore

struct PortabilityResultBody: Encodable {
    var input: String
    var number: String?
    var portable: Bool
    var reason: String?
    var message: String?
    var numberType: NumberType?
    var losingCarrier: CarrierBody?
    var rateCenter: String?
    var pinRequired: Bool
    var inAccount: Bool
    var inOpenRequest: Bool

    init(_ outcome: PortabilityOutcome) {
        input = outcome.input
        number = outcome.e164
        portable = outcome.portable
        reason = outcome.reason
        message = outcome.message
        numberType = outcome.numberType
        losingCarrier = outcome.losingCarrier.map { CarrierBody(name: $0.name, spid: $0.spid) }
        rateCenter = outcome.rateCenter
        pinRequired = outcome.pinRequired
        inAccount = outcome.inAccount
        inOpenRequest = outcome.inOpenRequest
    }

    private enum CodingKeys: String, CodingKey {
        case input, number, portable, reason, message, numberType, losingCarrier, rateCenter, pinRequired, inAccount, inOpenRequest
    }

    /// `number` is required by the contract: an input that did not parse has `"number": null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(number, forKey: .number)
        try container.encode(portable, forKey: .portable)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(numberType, forKey: .numberType)
        try container.encodeIfPresent(losingCarrier, forKey: .losingCarrier)
        try container.encodeIfPresent(rateCenter, forKey: .rateCenter)
        try container.encode(pinRequired, forKey: .pinRequired)
        try container.encode(inAccount, forKey: .inAccount)
        try container.encode(inOpenRequest, forKey: .inOpenRequest)
    }
}

struct PortabilityCheckBody: Encodable {
    var results: [PortabilityResultBody]
}

struct ExcludedNumberBody: Encodable {
    var input: String
    var number: String?
    var reason: String
    var message: String

    init(_ outcome: PortabilityOutcome) {
        input = outcome.input
        number = outcome.e164
        reason = outcome.reason ?? "not_portable"
        message = outcome.message ?? "This number cannot be ported."
    }
}

struct PortRequestGroupBody: Encodable {
    var groupId: String
    var portRequests: [PortRequestBody]
    var excluded: [ExcludedNumberBody]
}
