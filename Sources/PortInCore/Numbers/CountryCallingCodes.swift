/// Every ITU country calling code (from libphonenumber metadata, see CountryCallingCodes+Data.swift),
/// parsed once into lookup arrays indexed by the code's digits.
struct CountryCallingCodes: Sendable {
    /// Region index meaning "no ISO region" (non-geographic codes such as +800).
    static let noRegion: UInt16 = .max

    struct Entry: Sendable {
        var code: UInt16
        var digitCount: UInt8
        var minLength: UInt8
        var maxLength: UInt8
        /// Main region (first listed), or `noRegion`.
        var region: UInt16
    }

    /// ISO 3166 alpha-2 codes; a region index points in here.
    let regionNames: [String]
    /// Entry index by code value 0...999, -1 when unassigned. Codes are prefix-free, so a code is found
    /// by trying its first 1, 2, then 3 digits.
    let entryByCode: [Int16]
    let entries: [Entry]

    static let shared = CountryCallingCodes(source: source)

    init(source: String) {
        var names: [String] = []
        var indexByName: [String: UInt16] = [:]
        var byCode = [Int16](repeating: -1, count: 1000)
        var entries: [Entry] = []
        for row in source.split(separator: "\n") {
            let fields = row.split(separator: " ")
            guard fields.count == 4, let code = Int(fields[0]), let low = UInt8(fields[2]),
                  let high = UInt8(fields[3]) else { preconditionFailure("bad country code row: \(row)") }
            var main = Self.noRegion
            if fields[1] != "-" {
                for name in fields[1].split(separator: ",").map(String.init) {
                    let index: UInt16
                    if let known = indexByName[name] {
                        index = known
                    } else {
                        index = UInt16(names.count)
                        names.append(name)
                        indexByName[name] = index
                    }
                    if main == Self.noRegion { main = index }
                }
            }
            byCode[code] = Int16(entries.count)
            entries.append(Entry(code: UInt16(code), digitCount: UInt8(fields[0].count),
                                 minLength: low, maxLength: high, region: main))
        }
        self.regionNames = names
        self.entryByCode = byCode
        self.entries = entries
    }

    /// The region index of an ISO alpha-2 code listed in the table.
    func regionIndex(of name: String) -> UInt16? {
        regionNames.firstIndex(of: name).map { UInt16($0) }
    }

    /// The name of a region index, nil for `noRegion`.
    func regionName(_ index: UInt16) -> String? {
        index == Self.noRegion ? nil : regionNames[Int(index)]
    }
}
