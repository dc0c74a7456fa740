extension Normalizer {
    /// Street words: ordinals as digits, Pub 28 suffixes abbreviated wherever they stand (both sides
    /// get the same treatment, so this can only equate spellings of the same word), directionals
    /// abbreviated in first and last position only, where Pub 28 places them.
    static func streetWords(_ s: String) -> [String] {
        var words = ordinals(tokens(s, joiners: apostrophes.union(["."])))
        words = mapping(words, streetSuffixes)
        if let first = words.first, let abbreviation = directionals[first] { words[0] = abbreviation }
        if let last = words.last, let abbreviation = directionals[last] { words[words.count - 1] = abbreviation }
        return words
    }

    /// Pub 28 directionals, spelled out -> abbreviation.
    static let directionals: [String: String] = [
        "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W",
        "NORTHEAST": "NE", "NORTHWEST": "NW", "SOUTHEAST": "SE", "SOUTHWEST": "SW",
    ]

    /// Pub 28 Appendix C1 street suffixes (common and standard forms -> standard abbreviation),
    /// plus Saint/Sainte, which carriers abbreviate in street names as in city names.
    static let streetSuffixes: [String: String] = {
        let groups: [(String, [String])] = [
            ("ALY", ["ALLEY", "ALLEE", "ALLY", "ALY"]),
            ("ANX", ["ANNEX", "ANEX", "ANNX", "ANX"]),
            ("ARC", ["ARCADE", "ARC"]),
            ("AVE", ["AVENUE", "AV", "AVE", "AVEN", "AVENU", "AVN", "AVNUE"]),
            ("BCH", ["BEACH", "BCH"]),
            ("BND", ["BEND", "BND"]),
            ("BLF", ["BLUFF", "BLUF", "BLF"]),
            ("BTM", ["BOTTOM", "BOTTM", "BOT", "BTM"]),
            ("BLVD", ["BOULEVARD", "BOUL", "BOULV", "BLVD"]),
            ("BR", ["BRANCH", "BRNCH", "BR"]),
            ("BRG", ["BRIDGE", "BRDGE", "BRG"]),
            ("BRK", ["BROOK", "BRK"]),
            ("BYP", ["BYPASS", "BYPAS", "BYPA", "BYPS", "BYP"]),
            ("CP", ["CAMP", "CMP", "CP"]),
            ("CYN", ["CANYON", "CANYN", "CNYN", "CYN"]),
            ("CPE", ["CAPE", "CPE"]),
            ("CSWY", ["CAUSEWAY", "CAUSWA", "CSWY"]),
            ("CTR", ["CENTER", "CENTRE", "CEN", "CENT", "CENTR", "CNTER", "CNTR", "CTR"]),
            ("CIR", ["CIRCLE", "CIRC", "CIRCL", "CRCL", "CRCLE", "CIR"]),
            ("CLF", ["CLIFF", "CLF"]),
            ("CLB", ["CLUB", "CLB"]),
            ("COR", ["CORNER", "COR"]),
            ("CRSE", ["COURSE", "CRSE"]),
            ("CT", ["COURT", "CT"]),
            ("CTS", ["COURTS", "CTS"]),
            ("CV", ["COVE", "CV"]),
            ("CRK", ["CREEK", "CRK"]),
            ("CRES", ["CRESCENT", "CRSENT", "CRSNT", "CRES"]),
            ("XING", ["CROSSING", "CRSSNG", "XING"]),
            ("DL", ["DALE", "DL"]),
            ("DM", ["DAM", "DM"]),
            ("DV", ["DIVIDE", "DIV", "DVD", "DV"]),
            ("DR", ["DRIVE", "DRIV", "DRV", "DR"]),
            ("EST", ["ESTATE", "EST"]),
            ("ESTS", ["ESTATES", "ESTS"]),
            ("EXPY", ["EXPRESSWAY", "EXPRESS", "EXPR", "EXPW", "EXP", "EXPY"]),
            ("EXT", ["EXTENSION", "EXTNSN", "EXTN", "EXT"]),
            ("FLS", ["FALLS", "FLS"]),
            ("FRY", ["FERRY", "FRRY", "FRY"]),
            ("FLD", ["FIELD", "FLD"]),
            ("FLDS", ["FIELDS", "FLDS"]),
            ("FLT", ["FLAT", "FLT"]),
            ("FLTS", ["FLATS", "FLTS"]),
            ("FRST", ["FOREST", "FORESTS", "FRST"]),
            ("FRG", ["FORGE", "FORG", "FRG"]),
            ("FRK", ["FORK", "FRK"]),
            ("FT", ["FORT", "FRT", "FT"]),
            ("FWY", ["FREEWAY", "FREEWY", "FRWAY", "FRWY", "FWY"]),
            ("GDN", ["GARDEN", "GARDN", "GRDEN", "GRDN", "GDN"]),
            ("GDNS", ["GARDENS", "GDNS"]),
            ("GTWY", ["GATEWAY", "GATEWY", "GATWAY", "GTWAY", "GTWY"]),
            ("GLN", ["GLEN", "GLN"]),
            ("GRN", ["GREEN", "GRN"]),
            ("GRV", ["GROVE", "GROV", "GRV"]),
            ("HBR", ["HARBOR", "HARB", "HARBR", "HRBOR", "HBR"]),
            ("HVN", ["HAVEN", "HVN"]),
            ("HTS", ["HEIGHTS", "HT", "HTS"]),
            ("HWY", ["HIGHWAY", "HIGHWY", "HIWAY", "HIWY", "HWAY", "HWY"]),
            ("HL", ["HILL", "HL"]),
            ("HLS", ["HILLS", "HLS"]),
            ("HOLW", ["HOLLOW", "HOLLOWS", "HLLW", "HOLWS", "HOLW"]),
            ("IS", ["ISLAND", "ISLND", "IS"]),
            ("JCT", ["JUNCTION", "JCTION", "JCTN", "JUNCTN", "JUNCTON", "JCT"]),
            ("KNL", ["KNOLL", "KNOL", "KNL"]),
            ("LK", ["LAKE", "LK"]),
            ("LKS", ["LAKES", "LKS"]),
            ("LNDG", ["LANDING", "LNDNG", "LNDG"]),
            ("LN", ["LANE", "LN"]),
            ("LOOP", ["LOOP", "LOOPS"]),
            ("MNR", ["MANOR", "MNR"]),
            ("MDW", ["MEADOW", "MDW"]),
            ("MDWS", ["MEADOWS", "MEDOWS", "MDWS"]),
            ("ML", ["MILL", "ML"]),
            ("MSN", ["MISSION", "MISSN", "MSSN", "MSN"]),
            ("MTWY", ["MOTORWAY", "MTWY"]),
            ("MT", ["MOUNT", "MNT", "MT"]),
            ("MTN", ["MOUNTAIN", "MNTAIN", "MNTN", "MOUNTIN", "MTIN", "MTN"]),
            ("ORCH", ["ORCHARD", "ORCHRD", "ORCH"]),
            ("OVAL", ["OVAL", "OVL"]),
            ("OPAS", ["OVERPASS", "OPAS"]),
            ("PARK", ["PARK", "PRK"]),
            ("PKWY", ["PARKWAY", "PARKWY", "PKWAY", "PKY", "PKWY"]),
            ("PATH", ["PATH", "PATHS"]),
            ("PIKE", ["PIKE", "PIKES"]),
            ("PL", ["PLACE", "PL"]),
            ("PLN", ["PLAIN", "PLN"]),
            ("PLNS", ["PLAINS", "PLNS"]),
            ("PLZ", ["PLAZA", "PLZA", "PLZ"]),
            ("PT", ["POINT", "PT"]),
            ("PTS", ["POINTS", "PTS"]),
            ("PRT", ["PORT", "PRT"]),
            ("PR", ["PRAIRIE", "PRR", "PR"]),
            ("RADL", ["RADIAL", "RADIEL", "RAD", "RADL"]),
            ("RNCH", ["RANCH", "RANCHES", "RNCHS", "RNCH"]),
            ("RDG", ["RIDGE", "RDGE", "RDG"]),
            ("RIV", ["RIVER", "RIVR", "RVR", "RIV"]),
            ("RD", ["ROAD", "RD"]),
            ("RDS", ["ROADS", "RDS"]),
            ("RTE", ["ROUTE", "RTE"]),
            ("SHR", ["SHORE", "SHOAR", "SHR"]),
            ("SHRS", ["SHORES", "SHOARS", "SHRS"]),
            ("SKWY", ["SKYWAY", "SKWY"]),
            ("SPG", ["SPRING", "SPNG", "SPRNG", "SPG"]),
            ("SPGS", ["SPRINGS", "SPNGS", "SPRNGS", "SPGS"]),
            ("SQ", ["SQUARE", "SQR", "SQRE", "SQU", "SQ"]),
            ("STA", ["STATION", "STATN", "STN", "STA"]),
            ("STRM", ["STREAM", "STREME", "STRM"]),
            ("ST", ["STREET", "STRT", "STR", "ST", "SAINT"]),
            ("STE", ["SAINTE", "STE"]),
            ("SMT", ["SUMMIT", "SUMIT", "SUMITT", "SMT"]),
            ("TER", ["TERRACE", "TERR", "TER"]),
            ("TRWY", ["THROUGHWAY", "TRWY"]),
            ("TRCE", ["TRACE", "TRACES", "TRCE"]),
            ("TRAK", ["TRACK", "TRACKS", "TRK", "TRKS", "TRAK"]),
            ("TRL", ["TRAIL", "TRAILS", "TRLS", "TRL"]),
            ("TUNL", ["TUNNEL", "TUNNELS", "TUNEL", "TUNLS", "TUNNL", "TUNL"]),
            ("TPKE", ["TURNPIKE", "TRNPK", "TURNPK", "TPKE"]),
            ("UN", ["UNION", "UN"]),
            ("VLY", ["VALLEY", "VALLY", "VLLY", "VLY"]),
            ("VIA", ["VIADUCT", "VDCT", "VIADCT", "VIA"]),
            ("VW", ["VIEW", "VW"]),
            ("VLG", ["VILLAGE", "VILLAG", "VILLG", "VILLIAGE", "VILL", "VLG"]),
            ("VL", ["VILLE", "VL"]),
            ("VIS", ["VISTA", "VIST", "VST", "VSTA", "VIS"]),
            ("WAY", ["WAY", "WY"]),
            ("WLS", ["WELLS", "WLS"]),
        ]
        var table: [String: String] = [:]
        for (abbreviation, forms) in groups {
            for form in forms {
                precondition(table[form] == nil, "street word \(form) listed twice")
                table[form] = abbreviation
            }
        }
        return table
    }()

    /// City words carriers and USPS abbreviate (USPS 13-character city names use the same forms).
    static let cityWords: [String: String] = [
        "SAINT": "ST", "SAINTE": "STE", "MOUNT": "MT", "FORT": "FT",
        "HEIGHTS": "HTS", "SPRINGS": "SPGS", "BEACH": "BCH", "JUNCTION": "JCT",
        "CENTER": "CTR", "CENTRE": "CTR", "VILLAGE": "VLG", "TOWNSHIP": "TWP",
    ]
}
