/// A toll-free number's Responsible Organization (RespOrg): who controls it in the SMS/800 registry.
/// A toll-free port is a RespOrg change to ours.
public enum RespOrg {
    /// PortIn's RespOrg id unless `PORTIN_RESP_ORG_ID` names the operator's own.
    public static let defaultID = "PTI01"

    /// An SMS/800 RespOrg id: 5 capital letters or digits (e.g. "PTI01").
    public static func isValid(_ id: String) -> Bool {
        id.count == 5 && id.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
