import Foundation
import PortInCore

/// An e-signature and the evidence kept with it.
public struct LOASignature: Sendable, Equatable {
    public var typedName: String
    public var title: String?
    public var email: String
    public var signedAt: Date
    public var ipAddress: String
    public var userAgent: String
    /// The exact consent wording the signer agreed to.
    public var consentText: String
    /// The drawn signature (decode the browser's PNG with `SignatureImage.decodePNG`).
    public var image: SignatureImage

    public init(typedName: String, title: String? = nil, email: String, signedAt: Date, ipAddress: String,
                userAgent: String, consentText: String, image: SignatureImage) {
        self.typedName = typedName
        self.title = title
        self.email = email
        self.signedAt = signedAt
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.consentText = consentText
        self.image = image
    }

    var problems: [ValidationProblem] {
        var problems: [ValidationProblem] = []
        // Limits keep the evidence to a page or two whatever a client sends.
        func required(_ value: String?, _ field: String, _ what: String, maxLength: Int, optional: Bool = false) {
            let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, !optional {
                problems.append(ValidationProblem(field: field, code: "required", message: "\(what) is required to sign"))
            } else if trimmed.count > maxLength {
                problems.append(ValidationProblem(field: field, code: "too_long",
                                                  message: "\(what) is \(trimmed.count) characters; the limit is \(maxLength)"))
            }
        }
        required(typedName, "signature.typed_name", "The signer's typed name", maxLength: 200)
        required(title, "signature.title", "The signer's title", maxLength: 200, optional: true)
        required(email, "signature.email", "The signer's email", maxLength: 320)
        required(ipAddress, "signature.ip_address", "The signer's IP address", maxLength: 64)
        required(userAgent, "signature.user_agent", "The signer's user agent", maxLength: 1000)
        required(consentText, "signature.consent_text", "The consent text", maxLength: 4000)
        return problems
    }
}

/// A signed LOA: the unsigned document's bytes followed by an incremental update that draws the
/// signature and adds the evidence page(s). The first `unsignedLength` bytes are the unsigned LOA.
public struct SignedLOA: Sendable, Equatable {
    public let bytes: [UInt8]
    public let unsignedLength: Int
    public let unsignedSHA256: String
    public let pageCount: Int

    public var sha256: String { DocumentHash.sha256(bytes) }
}

/// The result of checking a signed LOA's evidence against its own bytes.
public struct LOAVerification: Sendable, Equatable {
    public let unsignedLength: Int
    /// The hash the evidence records.
    public let recordedSHA256: String
    /// The hash of the first `unsignedLength` bytes.
    public let computedSHA256: String

    public var matches: Bool { recordedSHA256 == computedSHA256 }
}
