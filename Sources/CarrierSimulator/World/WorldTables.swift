/// Lookup tables derived once from `WorldData`.
enum WorldTables {
    /// Area code -> index in `WorldData.regions`, -1 when not listed.
    static let npaRegion: [Int16] = {
        var table = [Int16](repeating: -1, count: 1000)
        let codes = Dictionary(WorldData.regions.enumerated().map { ($1.code, Int16($0)) }, uniquingKeysWith: { a, _ in a })
        let words = WorldData.npaRegions.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var i = 0
        while i + 1 < words.count {
            if let npa = Int(words[i]), let region = codes[String(words[i + 1])] { table[npa] = region }
            i += 2
        }
        return table
    }()

    /// Rate center names per region: its cities in upper case, as rate centers are written.
    static let rateCenters: [[String]] = WorldData.regions.map { $0.cities.map { $0.uppercased() } }

    static let usRegions: [Int] = WorldData.regions.indices.filter { WorldData.regions[$0].country == "US" }
    static let canadianRegions: [Int] = WorldData.regions.indices.filter { WorldData.regions[$0].country == "CA" }
}
