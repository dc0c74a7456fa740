/// The kinds of document a port request carries.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case loa
    case invoice
    case csr
    case other
}

/// What validation needs to know about an attached document (the bytes live elsewhere).
public struct DocumentFacts: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    /// LOA: the name of the person who signed it; nil when unsigned.
    public var signedBy: String?
    /// LOA: the date it was signed.
    public var signedOn: CivilDate?
    /// Invoice: the date printed on it.
    public var invoiceDate: CivilDate?

    enum CodingKeys: String, CodingKey {
        case kind
        case signedBy = "signed_by"
        case signedOn = "signed_on"
        case invoiceDate = "invoice_date"
    }

    public init(kind: DocumentKind, signedBy: String? = nil, signedOn: CivilDate? = nil, invoiceDate: CivilDate? = nil) {
        self.kind = kind
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.invoiceDate = invoiceDate
    }
}
