/// What kind of number this is, as far as porting cares: one request carries one type.
public enum NumberType: String, Sendable, Hashable, Codable, CaseIterable {
    case geographic
    case tollFree = "toll_free"
    case premium
    case personal
    case other
}
