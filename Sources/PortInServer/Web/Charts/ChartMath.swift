import Foundation

/// The arithmetic behind the charts, kept apart from drawing so it can be checked on its own.
enum ChartMath {
    /// The middle value (the mean of the two middle ones for an even count); nil when empty.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A bar's length for `value` when the largest value spans `width` (0 for nothing to scale by);
    /// negative values are drawn as 0.
    static func barLength(_ value: Double, max maximum: Double, width: Double) -> Double {
        guard maximum > 0, value > 0 else { return 0 }
        return min(width, value / maximum * width)
    }

    /// `2`, `2.5`: at most one decimal, none when whole.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// An SVG coordinate: at most two decimals.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
