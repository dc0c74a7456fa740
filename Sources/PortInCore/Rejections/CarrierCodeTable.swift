import Foundation

/// One carrier's own rejection codes mapped to ours. Carrier ids and codes are matched case-insensitively,
/// with `-`, `_`, `.`, `/` and spaces treated alike ("aw-101" matches "AW_101").
public struct CarrierCodeTable: Sendable, Hashable {
    /// The ids this carrier is known by: a stable slug and/or its SPID/OCN.
    public let carrierIDs: Set<String>
    /// Carrier code -> our code.
    public let codes: [String: RejectionCode]

    public init(carrierIDs: Set<String>, codes: [String: RejectionCode]) {
        self.carrierIDs = Set(carrierIDs.map(Self.normalize))
        self.codes = Dictionary(codes.map { (Self.normalize($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Our code for a carrier code, or nil when this table doesn't know it.
    public func code(for carrierCode: String) -> RejectionCode? {
        codes[Self.normalize(carrierCode)]
    }

    /// Case- and separator-insensitive key.
    static func normalize(_ raw: String) -> String {
        let separators: Set<Character> = ["-", "_", ".", "/", " ", "\t"]
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        return String(trimmed.map { separators.contains($0) ? "_" : $0 })
    }
}
