/// A day a business calendar is closed, dated on the day it is observed (not its nominal date).
public struct Holiday: Sendable, Hashable, Codable {
    /// The observed date (a Saturday holiday is listed on the Friday, a Sunday one on the Monday).
    public let date: CivilDate
    /// The holiday's name, e.g. "Independence Day".
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

extension Holiday: Comparable {
    /// Orders by date, then name, so listings are stable.
    public static func < (lhs: Holiday, rhs: Holiday) -> Bool {
        (lhs.date, lhs.name) < (rhs.date, rhs.name)
    }
}
