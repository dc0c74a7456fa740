extension RejectionCatalog {
    /// Maps a carrier's own code to ours: the carrier's table first, then the generic table, then `.other`.
    /// Keep the carrier code alongside (see `Rejection`) so nothing is lost when it maps to `.other`.
    public static func map(carrierCode: String, carrier: String?) -> RejectionCode {
        map(carrierCode: carrierCode, carrier: carrier, tables: carrierTables, generic: genericTable)
    }

    /// The same lookup over caller-supplied tables (per-carrier tables are configuration in production).
    public static func map(carrierCode: String, carrier: String?, tables: [CarrierCodeTable],
                           generic: CarrierCodeTable) -> RejectionCode {
        if let carrier {
            let id = CarrierCodeTable.normalize(carrier)
            if let table = tables.first(where: { $0.carrierIDs.contains(id) }), let code = table.code(for: carrierCode) {
                return code
            }
        }
        return generic.code(for: carrierCode) ?? .other
    }

    /// Codes any carrier may send: LSR-style mnemonics (illustrative, not a published standard) and our own
    /// raw values, so a partner that already speaks our vocabulary (e.g. the simulator) maps one to one.
    public static let genericTable: CarrierCodeTable = {
        var codes: [String: RejectionCode] = [
            "NAME_MISMATCH": .authorizedNameMismatch, "EU_NAME": .authorizedNameMismatch,
            "AUTH_NAME": .authorizedNameMismatch,
            "BUS_NAME": .businessNameMismatch, "COMPANY_NAME": .businessNameMismatch,
            "ADDR_MISMATCH": .serviceAddressMismatch, "SA_MISMATCH": .serviceAddressMismatch,
            "ZIP": .zipMismatch, "ZIP_MISMATCH": .zipMismatch,
            "ACCT_MISSING": .accountNumberMissing, "ACCT_REQ": .accountNumberMissing,
            "ACCT_INVALID": .accountNumberInvalid, "ACCT": .accountNumberInvalid,
            "PIN_REQ": .pinMissing, "PASSCODE_REQ": .pinMissing,
            "PIN_INVALID": .pinInvalid, "PASSCODE": .pinInvalid,
            "BTN": .btnMismatch, "ATN": .btnMismatch, "BTN_MISMATCH": .btnMismatch,
            "TN_NOT_ON_ACCT": .numberNotOnAccount,
            "PENDING_ORDER": .pendingOrderOnAccount, "PENDING_SO": .pendingOrderOnAccount,
            "PENDING_PORT": .numberPendingPort, "CONFLICT": .numberPendingPort,
            "NEW_BTN_REQ": .partialPortNewBTNRequired, "PARTIAL_PORT": .partialPortNewBTNRequired,
            "NOT_PORTABLE": .numberNotPortable, "NP_INELIGIBLE": .numberNotPortable,
            "RATE_CENTER": .unsupportedRateCenter, "RC_NOT_SUPPORTED": .unsupportedRateCenter,
            "TN_DISC": .numberInactive, "TN_INACTIVE": .numberInactive,
            "LOA_UNSIGNED": .loaIllegibleOrUnsigned, "LOA_ILLEGIBLE": .loaIllegibleOrUnsigned,
            "LOA_NAME": .loaNameOrDateInvalid, "LOA_DATE": .loaNameOrDateInvalid,
            "LOA_TN_MISSING": .loaNumbersMissing,
            "INVOICE_OLD": .invoiceTooOld, "INVOICE_DATE": .invoiceTooOld,
            "NO_RESPONSE": .losingCarrierNoResponse, "T2_EXPIRED": .losingCarrierNoResponse,
            "FOC_REJ": .focRejected, "FOC_EXP": .focExpired,
            "DDD_INVALID": .dueDateInvalid, "DUE_DATE": .dueDateInvalid,
            "DUP_PON": .duplicateRequest, "DUPLICATE": .duplicateRequest,
            "SPARE": .respOrgNumberSpare, "UNAVAIL": .respOrgNumberUnavailable,
            "ROC_LOA_DENIED": .respOrgLOADenied,
        ]
        for code in RejectionCode.allCases { codes[code.rawValue] = code }
        return CarrierCodeTable(carrierIDs: [], codes: codes)
    }()

    /// Built-in tables for the fictional carriers the simulator models.
    public static let carrierTables: [CarrierCodeTable] = [
        // A wireless carrier: account + PIN driven, "AW-nnn" codes.
        CarrierCodeTable(carrierIDs: ["acme-wireless", "6101"], codes: [
            "AW-101": .authorizedNameMismatch, "AW-102": .serviceAddressMismatch, "AW-103": .zipMismatch,
            "AW-110": .accountNumberInvalid, "AW-111": .accountNumberMissing,
            "AW-120": .pinInvalid, "AW-121": .pinMissing, "AW-122": .pinInvalid,  // 122: PIN expired
            "AW-130": .numberNotOnAccount, "AW-140": .numberPendingPort,
            "AW-150": .numberInactive, "AW-160": .pendingOrderOnAccount,
        ]),
        // A wireline ILEC: CSR matching, four-digit codes.
        CarrierCodeTable(carrierIDs: ["granite-telephone", "7202"], codes: [
            "1001": .btnMismatch, "1002": .serviceAddressMismatch, "1003": .businessNameMismatch,
            "1004": .authorizedNameMismatch, "1005": .zipMismatch,
            "1010": .numberNotOnAccount, "1020": .partialPortNewBTNRequired, "1030": .pendingOrderOnAccount,
            "1040": .dueDateInvalid, "1041": .focRejected,
            "1050": .loaIllegibleOrUnsigned, "1051": .loaNameOrDateInvalid, "1052": .invoiceTooOld,
            "1060": .unsupportedRateCenter, "1099": .other,
        ]),
        // A toll-free RespOrg answering ROC requests; its "ACCT" means an LOA/account problem, not ours.
        CarrierCodeTable(carrierIDs: ["beacon-tollfree", "BCN01"], codes: [
            "ROC-SPARE": .respOrgNumberSpare, "ROC-UNAVL": .respOrgNumberUnavailable,
            "ROC-LOA-SIG": .respOrgLOADenied, "ROC-LOA-DATE": .respOrgLOADenied, "ROC-LOA-TN": .loaNumbersMissing,
            "ACCT": .respOrgLOADenied,
        ]),
    ]
}
