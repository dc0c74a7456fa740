import ArgumentParser
import Foundation
import PortInCore

/// `portin-bench calendar`: `adding(businessDays:)` and `businessDays(from:to:)` against a
/// day-by-day walk (the baseline) over the same seeded inputs.
struct CalendarBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Business-day arithmetic vs a day-by-day walk."
    )

    @Option(help: "Operations per measurement.")
    var count = 20_000

    @Option(help: "Largest |n| in business days.")
    var maxDays = 2_000

    func run() {
        let calendar = BusinessCalendar.usFederal
        var state: UInt64 = 42
        func next() -> UInt64 {  // SplitMix64, so both sides see the same inputs
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let base = CivilDate(year: 1980, month: 1, day: 1)!.daysSinceEpoch
        let inputs = (0..<count).map { _ in
            (CivilDate(daysSinceEpoch: base + Int(next() % 36_000)), Int(next() % UInt64(2 * maxDays + 1)) - maxDays)
        }

        let clock = ContinuousClock()
        var fastSum = 0, walkSum = 0, countSum = 0
        let fast = clock.measure {
            for (date, n) in inputs { fastSum &+= calendar.adding(businessDays: n, to: date).daysSinceEpoch }
        }
        let counting = clock.measure {
            for (date, n) in inputs {
                countSum &+= calendar.businessDays(from: date, to: date.adding(days: n * 7 / 5))
            }
        }
        let walk = clock.measure {
            for (date, n) in inputs {
                var day = date, left = abs(n)
                while left > 0 {
                    day = day.adding(days: n > 0 ? 1 : -1)
                    if calendar.isBusinessDay(day) { left -= 1 }
                }
                walkSum &+= day.daysSinceEpoch
            }
        }
        func perOp(_ d: Duration) -> Double {
            let (s, atto) = d.components
            return (Double(s) * 1e9 + Double(atto) / 1e9) / Double(count)
        }
        print("inputs: \(count) random dates 1980-2078, |n| <= \(maxDays) business days")
        print(String(format: "adding(businessDays:)     %10.1f ns/op", perOp(fast)))
        print(String(format: "businessDays(from:to:)    %10.1f ns/op", perOp(counting)))
        print(String(format: "day-by-day walk baseline  %10.1f ns/op", perOp(walk)))
        print(String(format: "speed-up adding vs walk   %10.1fx", perOp(walk) / perOp(fast)))
        print("results agree: \(fastSum == walkSum) (checksum \(countSum))")
    }
}
