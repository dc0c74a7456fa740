/// How a losing carrier's network serves a line; decides PIN and interval rules.
public enum LineType: String, Sendable, Hashable, Codable, CaseIterable {
    case wireline
    case wireless
    case voip
}
