/// Which NANP area codes and exchanges are in service, their country and type, derived from
/// libphonenumber by scripts/generate_nanp_table.py (data in NANPTable+Data.swift), parsed once into
/// flat lookup arrays so a lookup is two or three array reads.
struct NANPTable: Sendable {
    /// Class 0 means "not in service"; classes 1... carry a region and a type.
    struct Class: Sendable {
        var region: UInt16
        var type: NumberType
    }

    static let invalid: UInt8 = 0
    static let split: UInt8 = 255

    /// The phonenumbers version the data came from.
    let sourceVersion: String
    let classes: [Class]
    /// Class per NPA, or `split` when it depends on the NXX.
    let npaClass: [UInt8]
    /// For a split NPA, the offset of its 1000-entry NXX row in `nxxClass`.
    let npaRow: [Int32]
    /// Class per NXX (index 0-999 in the row; 0-199 are never valid), or `split` by first line digit.
    let nxxClass: [UInt8]
    /// Rows of 10 classes (by first line digit) for the few NPA-NXX that need them, keyed NPA*1000+NXX.
    let digitRows: [Int32: [UInt8]]
    /// Whether any exchange of the NPA is in service (tells "unassigned area code" from "exchange").
    let npaInService: [Bool]
    /// The country most exchanges of an in-service NPA belong to, for reporting invalid numbers.
    let npaRegion: [UInt16]

    static let shared = NANPTable(source: source, codes: .shared)

    init(source: String, codes: CountryCallingCodes) {
        var version = ""
        var classes = [Class(region: CountryCallingCodes.noRegion, type: .other)]
        var classByChar = [UInt8](repeating: Self.invalid, count: 128)
        var npaClass = [UInt8](repeating: Self.invalid, count: 1000)
        var npaRow = [Int32](repeating: -1, count: 1000)
        var nxxClass: [UInt8] = []
        var digitRows: [Int32: [UInt8]] = [:]
        let types: [Character: NumberType] = ["g": .geographic, "t": .tollFree, "p": .premium,
                                              "s": .personal, "o": .other]
        for line in source.split(separator: "\n") {
            let fields = line.split(separator: " ")
            switch fields.first {
            case "V":
                version = String(fields[1])
            case "C":
                for item in fields.dropFirst() {
                    let chars = Array(item)
                    guard chars.count == 4, let type = types[chars[3]],
                          let region = codes.regionIndex(of: String(chars[1...2])) else {
                        preconditionFailure("bad NANP class \(item)")
                    }
                    classByChar[Int(chars[0].asciiValue!)] = UInt8(classes.count)
                    classes.append(Class(region: region, type: type))
                }
            default:
                let key = Int(fields[0])!
                let cells = fields[1].utf8.map { $0 == UInt8(ascii: "*") ? Self.split : classByChar[Int($0)] }
                if fields[0].count == 6 {
                    digitRows[Int32(key)] = cells
                } else if cells.count == 1 {
                    npaClass[key] = cells[0]
                } else {
                    npaClass[key] = Self.split
                    npaRow[key] = Int32(nxxClass.count)
                    nxxClass += [UInt8](repeating: Self.invalid, count: 200) + cells
                }
            }
        }
        var inService = [Bool](repeating: false, count: 1000)
        var region = [UInt16](repeating: CountryCallingCodes.noRegion, count: 1000)
        for npa in 200..<1000 {
            var counts: [UInt16: Int] = [:]
            let cells: [UInt8] = npaClass[npa] == Self.split
                ? Array(nxxClass[Int(npaRow[npa]) + 200 ..< Int(npaRow[npa]) + 1000])
                : [npaClass[npa]]
            for cell in cells where cell != Self.invalid {
                if cell == Self.split { inService[npa] = true; continue }
                counts[classes[Int(cell)].region, default: 0] += 1
            }
            if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
                inService[npa] = true
                region[npa] = best.key
            }
        }
        self.sourceVersion = version
        self.classes = classes
        self.npaClass = npaClass
        self.npaRow = npaRow
        self.nxxClass = nxxClass
        self.digitRows = digitRows
        self.npaInService = inService
        self.npaRegion = region
    }

    /// The class of NPA-NXX with first line digit `digit` (all three already range-checked).
    @inline(__always)
    func lookup(npa: Int, nxx: Int, digit: Int) -> UInt8 {
        let byNPA = npaClass[npa]
        if byNPA != Self.split { return byNPA }
        let byNXX = nxxClass[Int(npaRow[npa]) + nxx]
        if byNXX != Self.split { return byNXX }
        return digitRows[Int32(npa * 1000 + nxx)]?[digit] ?? Self.invalid
    }
}
