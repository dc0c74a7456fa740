import Foundation

/// One email ready to send: addresses, subject, both bodies, and the identity that stays the same
/// when a failed send is retried (so a receiver can drop a duplicate).
struct EmailMessage: Sendable, Hashable {
    /// `Name <address>` or a bare address.
    var from: String
    var to: [String]
    var subject: String
    var text: String
    var html: String
    /// Without angle brackets: `out_...@host`.
    var messageId: String
    var date: Date
    /// What the email is about (`X-PortIn-Notification`, `X-PortIn-Request-Id`), for filters and audits.
    var notificationType: String?
    var requestId: String?
}

/// An email address as the headers and the SMTP envelope use it.
enum EmailAddress {
    /// The bare address of `Name <address>` (or of a bare address), nil when it is not one.
    static func addrSpec(of text: String) -> String? {
        var candidate = text.trimmingCharacters(in: .whitespaces)
        if let open = candidate.lastIndex(of: "<"), candidate.hasSuffix(">") {
            candidate = String(candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)])
        }
        return isValid(candidate) ? candidate : nil
    }

    /// The display name of `Name <address>`, nil for a bare address.
    static func displayName(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") else { return nil }
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return name.isEmpty ? nil : name
    }

    /// A plain ASCII `local@domain` with no spaces, brackets or line breaks, short enough for SMTP
    /// (RFC 5321 4.5.3.1): nothing that could break out of a header or an SMTP command.
    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254, parts[0].utf8.count <= 64 else {
            return false
        }
        let forbidden = CharacterSet(charactersIn: " <>()[],;:\\\"\r\n\t")
        return address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !forbidden.contains($0) }
    }

    /// The domain of an address (after the `@`).
    static func domain(of address: String) -> String? {
        address.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init)
    }
}
