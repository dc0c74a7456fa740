import Foundation
import PortInStore

/// The email asking the authorized person to sign a request's LOA. The link's token exists in clear
/// only in the sent email: the database keeps its SHA-256, and the queued outbox row the link sealed
/// with the PIN key (so neither the row nor a logged query shows it).
struct SigningLinkEmail: Sendable, Hashable, Codable {
    var requestId: String
    var pon: String
    var signerName: String
    /// The link, sealed (`Store.sealSecret`).
    var sealedURL: Data
    var expiresAt: Date
    var numbers: [String]
    var losingCarrier: String?
    var at: Date

    static let notificationType = "signature_requested"

    func content(url: String) -> EmailContent {
        var facts = [EmailContent.Fact(label: "Port request", value: requestId), EmailContent.Fact(label: "PON", value: pon)]
        if let losingCarrier { facts.append(.init(label: "Current carrier", value: losingCarrier)) }
        facts.append(.init(label: "Numbers", value: EmailComposer.numbersSummary(numbers)))
        let greeting = signerName.isEmpty ? "Hello," : "Hello \(signerName),"
        return EmailContent(subject: "Please sign the Letter of Authorization for port request \(pon)",
                            heading: "Your signature is needed", blocks: [
                                .paragraph(greeting),
                                .paragraph("You are named as the person authorized to move these numbers to PortIn. Open this link to read "
                                    + "the Letter of Authorization and sign it; no account is needed:"),
                                .paragraph(url),
                                .paragraph("The link works once and expires on \(ISO8601DateFormatter().string(from: expiresAt)). "
                                    + "If you did not expect this email, do not sign; nothing happens without your signature."),
                                .facts(facts),
                                .footer("You receive this email because a PortIn customer named you as the authorized person of a port request."),
                            ])
    }
}

/// The outbox payload of a signing-link email (told apart from notification emails by its key).
struct SigningLinkEnvelope: Sendable, Hashable, Codable {
    var signingLink: SigningLinkEmail
    var to: [String]

    enum CodingKeys: String, CodingKey {
        case signingLink = "signing_link"
        case to
    }
}

extension StoreTransaction {
    /// Queues the signing-link email in the caller's transaction (sent by the email outbox workers).
    func enqueueSigningLink(_ email: SigningLinkEmail, to recipients: [String]) async throws {
        let payload = try JSONEncoder.notifications.encode(SigningLinkEnvelope(signingLink: email, to: recipients))
        _ = try await outbox.enqueue(kind: .email, payload: payload, now: email.at)
    }
}
