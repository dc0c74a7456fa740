import Foundation
import PortInCore

/// Metadata of an uploaded document; the bytes live on disk under their SHA-256.
public struct Document: Sendable, Hashable {
    public var id: String
    public var requestId: String
    public var accountId: String
    public var kind: DocumentKind
    public var contentType: String
    public var size: Int
    /// Lower-case hex.
    public var sha256: String
    public var fileName: String?
    public var invoiceDate: CivilDate?
    public var signedBy: String?
    public var signedOn: CivilDate?
    public var createdAt: Date

    public init(id: String, requestId: String, accountId: String, kind: DocumentKind, contentType: String, size: Int,
                sha256: String, fileName: String? = nil, invoiceDate: CivilDate? = nil, signedBy: String? = nil,
                signedOn: CivilDate? = nil, createdAt: Date) {
        self.id = id
        self.requestId = requestId
        self.accountId = accountId
        self.kind = kind
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.fileName = fileName
        self.invoiceDate = invoiceDate
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.createdAt = createdAt
    }

    /// What validation needs from it.
    public var facts: DocumentFacts {
        DocumentFacts(kind: kind, signedBy: signedBy, signedOn: signedOn, invoiceDate: invoiceDate)
    }
}
