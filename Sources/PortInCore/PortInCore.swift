/// PortInCore: the porting domain as `Sendable` values and pure rules. Foundation only.
public enum PortInCore {
    public static let version = "0.1.0"
}
