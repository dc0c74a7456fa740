/// One secondary unit: a Pub 28 C2 designator ("STE", or "#" when none was given) and its identifier.
struct UnitPart: Hashable, CustomStringConvertible {
    var designator: String
    var identifier: String

    var description: String { identifier.isEmpty ? designator : "\(designator) \(identifier)" }

    /// "#" stands for "some designator" (Pub 28: used when the designator is unknown), so it
    /// matches any designator; two named designators must be the same. Identifiers must be equal.
    func matches(_ other: UnitPart) -> Bool {
        identifier == other.identifier
            && (designator == other.designator || designator == Self.numberSign || other.designator == Self.numberSign)
    }

    static let numberSign = "#"
}

extension Normalizer {
    /// Parses "Bldg 3, Suite #200", "2nd Floor", "#12", "4B" into designator/identifier pairs.
    static func unitParts(_ s: String) -> [UnitPart] {
        // Hyphens join too: "4-B" is the same unit as "4B".
        let words = tokens(s, joiners: apostrophes.union([".", "-"]), symbols: ["#"])
        var parts: [UnitPart] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            let waiting = parts.last?.identifier.isEmpty ?? false  // last designator has no identifier yet
            if let designator = unitDesignators[word] {
                parts.append(UnitPart(designator: designator, identifier: ""))
            } else if word == UnitPart.numberSign {
                // "Apt #4B": after a designator the sign only introduces its identifier.
                if !waiting { parts.append(UnitPart(designator: UnitPart.numberSign, identifier: "")) }
            } else if i + 1 < words.count, unitDesignators[words[i + 1]] == "FL",
                      let floor = ordinals([word]).first, let number = floorNumber(floor) {
                // "2nd Floor" / "Second Fl" = "Fl 2".
                parts.append(UnitPart(designator: "FL", identifier: number))
                i += 1
            } else if waiting {
                parts[parts.count - 1].identifier = word
            } else if word.count == 1, word.first?.isLetter == true,
                      parts.last?.identifier.last?.isASCIIDigit == true {
                // "Apt 4 B" = "Apt 4B"; a longer word after an identifier starts a new unit.
                parts[parts.count - 1].identifier += word
            } else {
                parts.append(UnitPart(designator: UnitPart.numberSign, identifier: word))
            }
            i += 1
        }
        return parts
    }

    /// "2ND" -> "2"; nil for anything that is not a numeric ordinal.
    static func floorNumber(_ word: String) -> String? {
        guard numericOrdinal(word) != nil else { return nil }
        return String(word.prefix(while: \.isASCIIDigit))
    }

    /// Pub 28 Appendix C2 secondary unit designators, spelled out or abbreviated -> abbreviation.
    static let unitDesignators: [String: String] = [
        "APARTMENT": "APT", "APT": "APT",
        "BASEMENT": "BSMT", "BSMT": "BSMT",
        "BUILDING": "BLDG", "BLDG": "BLDG",
        "DEPARTMENT": "DEPT", "DEPT": "DEPT",
        "FLOOR": "FL", "FL": "FL", "FLR": "FL",
        "FRONT": "FRNT", "FRNT": "FRNT",
        "HANGAR": "HNGR", "HNGR": "HNGR",
        "KEY": "KEY",
        "LOBBY": "LBBY", "LBBY": "LBBY",
        "LOT": "LOT",
        "LOWER": "LOWR", "LOWR": "LOWR",
        "OFFICE": "OFC", "OFC": "OFC",
        "PENTHOUSE": "PH", "PH": "PH",
        "PIER": "PIER",
        "REAR": "REAR",
        "ROOM": "RM", "RM": "RM",
        "SIDE": "SIDE",
        "SLIP": "SLIP",
        "SPACE": "SPC", "SPC": "SPC",
        "STOP": "STOP",
        "SUITE": "STE", "STE": "STE",
        "TRAILER": "TRLR", "TRLR": "TRLR",
        "UNIT": "UNIT",
        "UPPER": "UPPR", "UPPR": "UPPR",
    ]
}
