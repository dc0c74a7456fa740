import PortInCore

extension SimulatedWorld {
    /// The CSR of the account holding a line, or nil when the line is on no account (disconnected).
    func customerServiceRecord(for line: LineFacts) -> CustomerServiceRecord? {
        switch line.account {
        case .none: return nil
        case .explicit(let index):
            let record = records[index].record
            return CustomerServiceRecord(
                accountNumber: record.accountNumber, pin: record.pin, btn: record.btn ?? record.numbers[0],
                subscriberType: record.subscriberType, businessName: record.businessName, firstName: record.firstName,
                lastName: record.lastName, authorizedName: record.authorizedName, serviceAddress: record.serviceAddress,
                numbers: zip(record.numbers, records[index].nationals).filter { !records[index].disconnected.contains($0.1) }.map(\.0))
        case .generated(let start, let size):
            return generatedCSR(start: start, size: size, line: line)
        }
    }

    /// Nationals of a generated account's numbers in service.
    func generatedNumbers(start: UInt64, size: Int) -> [UInt64] {
        (start..<(start + UInt64(size))).filter { !isDisconnected($0) && (explicitNumbers.isEmpty || explicitNumbers[$0] == nil) }
    }

    private func generatedCSR(start: UInt64, size: Int, line: LineFacts) -> CustomerServiceRecord? {
        let nationals = generatedNumbers(start: start, size: size)
        guard !nationals.isEmpty else { return nil }
        let carrier = carriers[line.carrier]
        func h(_ salt: Salt) -> UInt64 { WorldHash.hash(seed, salt.rawValue, start) }
        func word(_ list: [String], _ salt: Salt) -> String { list[Int(h(salt) % UInt64(list.count))] }
        let businessShare = carrier.lineType == .wireless ? 250 : 550
        let isBusiness = WorldHash.chance(h(.subscriberType), perMille: businessShare)
        let first = word(WorldData.firstNames, .firstName), last = word(WorldData.lastNames, .lastName)
        var businessName: String?
        if isBusiness {
            let hb = h(.business)
            let base = WorldData.businessWords[Int(hb % UInt64(WorldData.businessWords.count))] + " "
                + WorldData.businessKinds[Int((hb >> 16) % UInt64(WorldData.businessKinds.count))]
            let suffix = WorldData.entitySuffixes[Int((hb >> 32) % UInt64(WorldData.entitySuffixes.count))]
            businessName = suffix.isEmpty ? base : base + " " + suffix
        }
        // The authorized person of a household is usually the holder; a business names a contact.
        let authorizedFirst = isBusiness ? WorldData.firstNames[Int((h(.firstName) >> 20) % UInt64(WorldData.firstNames.count))] : first
        let numbers = nationals.map { "+1" + String($0) }
        let btn = numbers[Int(WorldHash.hash(seed, Salt.accountLayout.rawValue, start) >> 40) % numbers.count]
        return CustomerServiceRecord(
            accountNumber: accountNumber(carrier: carrier, start: start), pin: pin(line: line, start: start), btn: btn,
            subscriberType: isBusiness ? .business : .residential, businessName: businessName,
            firstName: isBusiness ? nil : first, lastName: isBusiness ? nil : last,
            authorizedName: authorizedFirst + " " + last, serviceAddress: address(line: line, start: start, business: isBusiness),
            numbers: numbers)
    }

    /// Account numbers look like each kind of carrier's: wireline 13 digits from the number, wireless 9 digits, VoIP "V" + 8.
    private func accountNumber(carrier: SimulatedCarrier, start: UInt64) -> String {
        let h = WorldHash.hash(seed, Salt.accountNumber.rawValue, start)
        switch carrier.lineType {
        case .wireline: return String(start) + String(100 + h % 900)
        case .wireless: return String(100_000_000 + h % 900_000_000)
        case .voip: return "V" + String(10_000_000 + h % 90_000_000)
        }
    }

    private func pin(line: LineFacts, start: UInt64) -> String? {
        guard line.pinRequired else { return nil }
        let value = WorldHash.hash(seed, Salt.pin.rawValue, start) % 10_000
        let text = String(value)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    private func address(line: LineFacts, start: UInt64, business: Bool) -> ServiceAddress {
        let region = WorldData.regions[line.region]
        func h(_ salt: Salt) -> UInt64 { WorldHash.hash(seed, salt.rawValue, start) }
        let hs = h(.street)
        let directional = WorldData.directionals[Int(hs % UInt64(WorldData.directionals.count))]
        let name = WorldData.streetNames[Int((hs >> 8) % UInt64(WorldData.streetNames.count))]
        let suffix = WorldData.streetSuffixes[Int((hs >> 24) % UInt64(WorldData.streetSuffixes.count))]
        let street = (directional.isEmpty ? "" : directional + " ") + name + " " + suffix
        let hu = h(.unit)
        var unit: String?
        if WorldHash.chance(hu, perMille: business ? 400 : 150) {
            let kind = WorldData.unitKinds[Int((hu >> 10) % UInt64(WorldData.unitKinds.count))]
            let number = String(1 + (hu >> 20) % 400)
            unit = kind == "#" ? "#" + number : kind + " " + number
        }
        // Most accounts sit in the line's own rate center; the rest elsewhere in the state.
        let hc = h(.city)
        let city = WorldHash.chance(hc, perMille: 750) ? line.rateCenter : Int((hc >> 12) % UInt64(region.cities.count))
        let hz = h(.zip)
        let postal: String
        if region.country == "CA" {
            let letters = Array("ABCEGHJKLMNPRSTVWXYZ")
            func letter(_ shift: UInt64) -> Character { letters[Int((hz >> shift) % UInt64(letters.count))] }
            postal = region.zipPrefixes[city] + String(hz % 10) + String(letter(8)) + " " + String((hz >> 16) % 10)
                + String(letter(24)) + String((hz >> 32) % 10)
        } else {
            let tail = String(hz % 100)
            postal = region.zipPrefixes[city] + (tail.count == 1 ? "0" + tail : tail)
        }
        return ServiceAddress(houseNumber: String(1 + h(.houseNumber) % 9_899), street: street, unit: unit,
                              city: region.cities[city], state: region.code, postalCode: postal, country: region.country)
    }
}
