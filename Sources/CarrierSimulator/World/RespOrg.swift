/// A toll-free Responsible Organization: controls toll-free numbers in the (simulated) Somos registry.
public struct RespOrg: Sendable, Hashable, Codable {
    /// 5 alphanumeric characters, e.g. `BCN01`.
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The RespOrgs of the simulated registry. `BCN01` uses the codes of `RejectionCatalog.carrierTables`.
    public static let roster: [RespOrg] = [
        RespOrg(id: "BCN01", name: "Beacon Toll-Free"),
        RespOrg(id: "TFX02", name: "TollFree Exchange"),
        RespOrg(id: "NRT05", name: "Northern Route 800"),
        RespOrg(id: "LKS11", name: "Lakeshore Bell Toll-Free"),
        RespOrg(id: "ACW20", name: "Acme Wireless Toll-Free"),
        RespOrg(id: "SMT33", name: "Summit Cable 8XX"),
    ]

    /// Codes a RespOrg sends for its denials; BCN01 speaks its own dialect, the others our raw values.
    func code(for reason: RespOrgDenial) -> String {
        switch (id, reason) {
        case ("BCN01", .spare): "ROC-SPARE"
        case ("BCN01", .unavailable): "ROC-UNAVL"
        case ("BCN01", .loa): "ROC-LOA-SIG"
        case (_, .spare): "resporg_number_spare"
        case (_, .unavailable): "resporg_number_unavailable"
        case (_, .loa): "resporg_loa_denied"
        }
    }
}

/// Why a RespOrg change is denied.
enum RespOrgDenial {
    case spare, unavailable, loa
}
