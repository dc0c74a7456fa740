/// Our rejection vocabulary: one entry per code (explanation, fix hint, fields) and the mapping from
/// carriers' own codes.
public enum RejectionCatalog {
    /// The entry for a code; every code has one.
    public static func entry(for code: RejectionCode) -> RejectionCatalogEntry {
        // `entries` covers every case (a test checks it); the fallback only keeps this total without a crash.
        entriesByCode[code] ?? RejectionCatalogEntry(
            code: code, fields: ["numbers"], title: "Rejected by the carrier",
            explanation: "The carrier rejected the request.", fixHint: "Contact support.", customerFixable: false)
    }

    /// All entries, in `RejectionCode.allCases` order.
    public static var all: [RejectionCatalogEntry] {
        RejectionCode.allCases.compactMap { entriesByCode[$0] }
    }

    private static let entriesByCode: [RejectionCode: RejectionCatalogEntry] =
        Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}
