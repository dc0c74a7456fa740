/// A number whose portability check told us its losing carrier and number type.
public struct RoutedNumber: Sendable, Hashable {
    /// The number in E.164.
    public let e164: String
    /// The losing carrier's SPID or stable carrier id.
    public let losingCarrier: String
    public let numberType: NumberType

    public init(e164: String, losingCarrier: String, numberType: NumberType) {
        self.e164 = e164
        self.losingCarrier = losingCarrier
        self.numberType = numberType
    }
}

/// The numbers that go into one request: a single losing carrier and a single number type.
public struct RequestSplit: Sendable, Hashable {
    public let losingCarrier: String
    public let numberType: NumberType
    /// E.164 numbers in input order, without duplicates.
    public let numbers: [String]

    public init(losingCarrier: String, numberType: NumberType, numbers: [String]) {
        self.losingCarrier = losingCarrier
        self.numberType = numberType
        self.numbers = numbers
    }
}

/// Splits mixed input into one request per (losing carrier, number type), because a carrier accepts
/// only its own numbers of one type per request.
public enum RequestSplitter {
    /// Groups come in order of their first number's appearance in the input; numbers keep input order.
    /// A number listed more than once is kept once, in the group of its first occurrence (a later entry
    /// routing it elsewhere is a stale or conflicting check, and a number may sit in one request only).
    /// Carrier ids are compared exactly: normalise them before splitting.
    public static func split(_ numbers: [RoutedNumber]) -> [RequestSplit] {
        struct Key: Hashable {
            let carrier: String
            let type: NumberType
        }
        var order: [Key] = []
        var groups: [Key: [String]] = [:]
        var seen: Set<String> = []
        for number in numbers where seen.insert(number.e164).inserted {
            let key = Key(carrier: number.losingCarrier, type: number.numberType)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(number.e164)
        }
        return order.map { RequestSplit(losingCarrier: $0.carrier, numberType: $0.type, numbers: groups[$0] ?? []) }
    }
}
