/// Length and type rules by leading digits for the countries PortIn ports from most often outside
/// North America (data in NationalNumberPlan+Data.swift, written by hand from the national plans and
/// checked against libphonenumber's example numbers in the tests).
struct NationalNumberPlan: Sendable {
    /// One number range: national significant numbers starting with `positions` digits, each in its
    /// digit set, are `minLength...maxLength` digits long and of type `type`.
    struct Rule: Sendable {
        /// Digit set of position k in bits k*10 ..< k*10+10.
        var masks: UInt64
        var positions: Int
        var minLength: Int
        var maxLength: Int
        var type: NumberType

        @inline(__always)
        func matches(leading: (Int, Int, Int, Int), length: Int) -> Bool {
            if positions > length { return false }
            for k in 0..<positions {
                let digit = k == 0 ? leading.0 : k == 1 ? leading.1 : k == 2 ? leading.2 : leading.3
                if masks & (1 << UInt64(k * 10 + digit)) == 0 { return false }
            }
            return true
        }
    }

    var countryCode: Int
    /// Whether a leading 0 after the country code is the trunk prefix, typed by habit ("+44 020 ...").
    var dropsTrunkZero: Bool
    var rules: [Rule]

    /// The most specific rule for a national number (longest prefix; the first of equals).
    func rule(leading: (Int, Int, Int, Int), length: Int) -> Rule? {
        var best: Rule?
        for rule in rules where rule.matches(leading: leading, length: length) {
            if best == nil || rule.positions > best!.positions { best = rule }
        }
        return best
    }

    /// The plans, indexed by country calling code value (nil where only E.164 sanity applies).
    static let byCode: [NationalNumberPlan?] = {
        var table = [NationalNumberPlan?](repeating: nil, count: 1000)
        for plan in parse(source) { table[plan.countryCode] = plan }
        return table
    }()

    static func parse(_ source: String) -> [NationalNumberPlan] {
        let types: [Character: NumberType] = ["g": .geographic, "t": .tollFree, "p": .premium,
                                              "s": .personal, "o": .other]
        var plans: [NationalNumberPlan] = []
        for line in source.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            var rules: [Rule] = []
            for item in fields.dropFirst(3) {
                let parts = item.split(separator: ":")
                let lengths = parts[1].split(separator: "-").map { Int($0)! }
                let (masks, positions) = digitMasks(parts[0])
                rules.append(Rule(masks: masks, positions: positions, minLength: lengths[0],
                                  maxLength: lengths.last!, type: types[parts[2].first!]!))
            }
            plans.append(NationalNumberPlan(countryCode: Int(fields[0])!, dropsTrunkZero: fields[2] == "0",
                                            rules: rules))
        }
        return plans
    }

    /// "8[1-9]0" -> one 10-bit digit set per position.
    static func digitMasks(_ pattern: Substring) -> (UInt64, Int) {
        var masks: UInt64 = 0
        var position = 0
        var chars = Array(pattern)[...]
        while let c = chars.popFirst() {
            var set: UInt64 = 0
            if c == "[" {
                var previous: Int?
                while let d = chars.popFirst(), d != "]" {
                    if d == "-", let low = previous, let high = chars.popFirst()?.wholeNumberValue {
                        for v in low...high { set |= 1 << UInt64(v) }
                    } else if let v = d.wholeNumberValue {
                        set |= 1 << UInt64(v)
                        previous = v
                    }
                }
            } else if let v = c.wholeNumberValue {
                set = 1 << UInt64(v)
            }
            precondition(set != 0 && position < 4, "bad plan pattern \(pattern)")
            masks |= set << UInt64(position * 10)
            position += 1
        }
        return (masks, position)
    }
}
