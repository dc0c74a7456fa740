import Foundation

/// The mark of a request's LOA signed through PortIn: which stored document it is and the hashes
/// that prove it unchanged. One per request; while it exists the request's LOA is final.
public struct SignedLOARecord: Sendable, Hashable {
    public var requestId: String
    public var accountId: String
    public var documentId: String
    /// SHA-256 (lower-case hex) of the signed file as stored.
    public var signedSHA256: String
    /// SHA-256 of the unsigned LOA the signature covers (also on its evidence page).
    public var unsignedSHA256: String
    public var signerName: String
    public var signerEmail: String
    /// `browser` (signed by the customer's user) or `link` (by the authorized person through a signing link).
    public var via: String
    public var signedAt: Date

    public init(requestId: String, accountId: String, documentId: String, signedSHA256: String, unsignedSHA256: String,
                signerName: String, signerEmail: String, via: String, signedAt: Date) {
        self.requestId = requestId
        self.accountId = accountId
        self.documentId = documentId
        self.signedSHA256 = signedSHA256
        self.unsignedSHA256 = unsignedSHA256
        self.signerName = signerName
        self.signerEmail = signerEmail
        self.via = via
        self.signedAt = signedAt
    }
}

/// A link emailed to the authorized person to sign one request's LOA without an account. Only the
/// SHA-256 of its random token is stored; it expires and works once.
public struct LOASigningLink: Sendable, Hashable {
    public var id: String
    public var tokenHash: Data
    public var requestId: String
    public var accountId: String
    public var email: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(id: String, tokenHash: Data, requestId: String, accountId: String, email: String, createdAt: Date, expiresAt: Date,
                usedAt: Date? = nil) {
        self.id = id
        self.tokenHash = tokenHash
        self.requestId = requestId
        self.accountId = accountId
        self.email = email
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}
