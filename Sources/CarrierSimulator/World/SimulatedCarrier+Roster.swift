import PortInCore

extension SimulatedCarrier {
    /// A carrier holiday some regional carriers keep (first Friday of August).
    static let foundersDay = HolidayRule(name: "Founders Day", anchor: .nthWeekday(1, weekday: 5, month: 8))
    /// A wireless carrier's company day (fixed, shifted off weekends).
    static let companyDay = HolidayRule(name: "Company Day", anchor: .fixed(month: 3, day: 15), observesWeekend: true)

    /// The fictional carriers of the simulated network. Acme Wireless and Granite Telephone use the
    /// carrier codes of `RejectionCatalog.carrierTables`; the others send our own code raw values.
    public static let roster: [SimulatedCarrier] = [
        SimulatedCarrier(
            id: "acme-wireless", name: "Acme Wireless", spid: "6101", ocn: "A101", lineType: .wireless,
            pinPolicy: .always, holidayRules: [companyDay], timeZone: "America/Chicago",
            focLeadBusinessDays: 5, strict: true,
            rejectionCodes: [
                .authorizedNameMismatch: "AW-101", .serviceAddressMismatch: "AW-102", .zipMismatch: "AW-103",
                .accountNumberInvalid: "AW-110", .accountNumberMissing: "AW-111", .pinInvalid: "AW-120",
                .pinMissing: "AW-121", .numberNotOnAccount: "AW-130", .numberPendingPort: "AW-140",
                .numberInactive: "AW-150", .pendingOrderOnAccount: "AW-160",
            ]),
        SimulatedCarrier(
            id: "granite-telephone", name: "Granite Telephone", spid: "7202", ocn: "G202", lineType: .wireline,
            pinPolicy: .whenSet, holidayRules: [.dayAfterThanksgiving, .christmasEve], timeZone: "America/New_York",
            focLeadBusinessDays: 7, strict: true, csrNeedsAccountNumber: true,
            rejectionCodes: [
                .btnMismatch: "1001", .serviceAddressMismatch: "1002", .businessNameMismatch: "1003",
                .authorizedNameMismatch: "1004", .zipMismatch: "1005", .numberNotOnAccount: "1010",
                .partialPortNewBTNRequired: "1020", .pendingOrderOnAccount: "1030", .dueDateInvalid: "1040",
                .unsupportedRateCenter: "1060",
            ]),
        SimulatedCarrier(id: "bluebird-mobile", name: "Bluebird Mobile", spid: "6210", ocn: "B210", lineType: .wireless,
                         pinPolicy: .always, timeZone: "America/Los_Angeles", focLeadBusinessDays: 5, strict: false),
        SimulatedCarrier(id: "summit-cable-voice", name: "Summit Cable Voice", spid: "7350", ocn: "S350", lineType: .voip,
                         pinPolicy: .whenSet, optionalPINPerMille: 300, timeZone: "America/Denver",
                         focLeadBusinessDays: 6, strict: false),
        SimulatedCarrier(id: "prairie-telecom", name: "Prairie Telecom", spid: "7411", ocn: "P411", lineType: .wireline,
                         pinPolicy: .never, holidayRules: [.dayAfterThanksgiving], timeZone: "America/Chicago",
                         focLeadBusinessDays: 8, strict: true),
        SimulatedCarrier(id: "harbor-networks", name: "Harbor Networks", spid: "7523", ocn: "H523", lineType: .voip,
                         pinPolicy: .whenSet, timeZone: "America/New_York", focLeadBusinessDays: 5,
                         responseDelay: 4...6, strict: false),
        SimulatedCarrier(id: "cascade-wireless", name: "Cascade Wireless", spid: "6632", ocn: "C632", lineType: .wireless,
                         pinPolicy: .always, holidayRules: [.christmasEve], timeZone: "America/Los_Angeles",
                         focLeadBusinessDays: 6, strict: true),
        SimulatedCarrier(id: "lakeshore-bell", name: "Lakeshore Bell", spid: "7744", ocn: "L744", lineType: .wireline,
                         pinPolicy: .whenSet, optionalPINPerMille: 100, holidayRules: [.dayAfterThanksgiving],
                         timeZone: "America/Chicago", focLeadBusinessDays: 8, strict: true, csrNeedsAccountNumber: true),
        SimulatedCarrier(id: "mesa-communications", name: "Mesa Communications", spid: "7856", ocn: "M856",
                         lineType: .wireline, pinPolicy: .never, timeZone: "America/Phoenix", focLeadBusinessDays: 7,
                         strict: false),
        SimulatedCarrier(id: "pinnacle-pcs", name: "Pinnacle PCS", spid: "6967", ocn: "N967", lineType: .wireless,
                         pinPolicy: .always, timeZone: "America/New_York", focLeadBusinessDays: 5, strict: false),
        SimulatedCarrier(id: "riverbend-telephone", name: "Riverbend Telephone Cooperative", spid: "7078", ocn: "R078",
                         lineType: .wireline, pinPolicy: .whenSet,
                         holidayRules: [.dayAfterThanksgiving, .christmasEve, foundersDay],
                         timeZone: "America/Chicago", focLeadBusinessDays: 9, responseDelay: 6...8, strict: true),
        SimulatedCarrier(id: "northstar-mobile", name: "Northstar Mobile", spid: "6189", ocn: "T189", lineType: .wireless,
                         pinPolicy: .always, timeZone: "America/Denver", focLeadBusinessDays: 5, strict: false),
        SimulatedCarrier(id: "keystone-digital", name: "Keystone Digital Phone", spid: "7290", ocn: "K290", lineType: .voip,
                         pinPolicy: .never, timeZone: "America/New_York", focLeadBusinessDays: 5, strict: false),
        SimulatedCarrier(id: "tidewater-telecom", name: "Tidewater Telecom", spid: "7301", ocn: "W301", lineType: .wireline,
                         pinPolicy: .whenSet, holidayRules: [.christmasEve], timeZone: "America/New_York",
                         focLeadBusinessDays: 7, strict: true, csrNeedsAccountNumber: true),
    ]
}
