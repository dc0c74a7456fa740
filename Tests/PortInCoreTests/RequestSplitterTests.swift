import Testing
@testable import PortInCore

/// Deterministic generator so the property check sees the same inputs on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func routed(_ e164: String, _ carrier: String, _ type: NumberType = .geographic) -> RoutedNumber {
    RoutedNumber(e164: e164, losingCarrier: carrier, numberType: type)
}

@Suite struct RequestSplitterTests {
    @Test func mixedInputSplitsByCarrierAndTypeInFirstAppearanceOrder() {
        let splits = RequestSplitter.split([
            routed("+12025550101", "6101"),
            routed("+18005550100", "BCN01", .tollFree),
            routed("+12025550102", "7202"),
            routed("+12025550103", "6101"),
            routed("+18885550101", "BCN01", .tollFree),
            routed("+12025550104", "6101", .personal),
            routed("+12025550105", "7202"),
        ])
        #expect(splits == [
            RequestSplit(losingCarrier: "6101", numberType: .geographic, numbers: ["+12025550101", "+12025550103"]),
            RequestSplit(losingCarrier: "BCN01", numberType: .tollFree, numbers: ["+18005550100", "+18885550101"]),
            RequestSplit(losingCarrier: "7202", numberType: .geographic, numbers: ["+12025550102", "+12025550105"]),
            RequestSplit(losingCarrier: "6101", numberType: .personal, numbers: ["+12025550104"]),
        ])
    }

    @Test func singleGroupStaysWhole() {
        let input = (0..<5).map { routed("+1202555010\($0)", "6101") }
        #expect(RequestSplitter.split(input) == [
            RequestSplit(losingCarrier: "6101", numberType: .geographic, numbers: input.map(\.e164)),
        ])
    }

    @Test func emptyInputGivesNoRequests() {
        #expect(RequestSplitter.split([]).isEmpty)
    }

    @Test func duplicatesAreKeptOnceWhereTheyFirstAppear() {
        let splits = RequestSplitter.split([
            routed("+12025550101", "6101"),
            routed("+12025550102", "6101"),
            routed("+12025550101", "6101"),
            routed("+12025550102", "7202"),  // conflicting later route: first occurrence wins
            routed("+12025550103", "7202"),
        ])
        #expect(splits == [
            RequestSplit(losingCarrier: "6101", numberType: .geographic, numbers: ["+12025550101", "+12025550102"]),
            RequestSplit(losingCarrier: "7202", numberType: .geographic, numbers: ["+12025550103"]),
        ])
    }

    @Test func aGroupOnlyDuplicatedAwayDoesNotAppear() {
        let splits = RequestSplitter.split([routed("+12025550101", "6101"), routed("+12025550101", "7202")])
        #expect(splits.map(\.losingCarrier) == ["6101"])
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 2_024, 99_991])
    func randomInputsKeepEveryNumberOnceInAHomogeneousGroup(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let carriers = ["6101", "7202", "BCN01", "8303"]
        for _ in 0..<50 {
            // A small number space so duplicates are common.
            let input = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                routed("+1202555\(String(Int.random(in: 0..<60, using: &rng) + 1000))",
                       carriers.randomElement(using: &rng)!, NumberType.allCases.randomElement(using: &rng)!)
            }
            let splits = RequestSplitter.split(input)
            #expect(RequestSplitter.split(input) == splits, "same input, same result")

            // Reference: first occurrence of each number, in input order.
            var seen = Set<String>()
            let deduped = input.filter { seen.insert($0.e164).inserted }
            let firstRoute = Dictionary(deduped.map { ($0.e164, $0) }, uniquingKeysWith: { first, _ in first })

            let all = splits.flatMap(\.numbers)
            #expect(all.count == deduped.count && Set(all) == Set(deduped.map(\.e164)), "union is the deduped input")
            #expect(Set(splits.map { "\($0.losingCarrier)|\($0.numberType)" }).count == splits.count, "one group per key")
            for split in splits {
                #expect(!split.numbers.isEmpty)
                let homogeneous = split.numbers.allSatisfy {
                    firstRoute[$0]?.losingCarrier == split.losingCarrier && firstRoute[$0]?.numberType == split.numberType
                }
                #expect(homogeneous)
                // Within a group, input order.
                let expectedOrder = deduped.map(\.e164).filter(Set(split.numbers).contains)
                #expect(split.numbers == expectedOrder)
            }
            // Groups in order of first appearance.
            let firstIndex = Dictionary(deduped.enumerated().map { ($1.e164, $0) }, uniquingKeysWith: { a, _ in a })
            let groupStarts = splits.compactMap { $0.numbers.first.flatMap { firstIndex[$0] } }
            #expect(groupStarts == groupStarts.sorted())
        }
    }
}
