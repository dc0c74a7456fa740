/// The simulated carrier network: partner carrier, losing carriers with CSRs and rules, and the
/// toll-free RespOrg registry. Deterministic from a seed and driven by an injected clock.
public enum CarrierSimulatorInfo {
    public static let name = "PortIn carrier network simulator"
}
