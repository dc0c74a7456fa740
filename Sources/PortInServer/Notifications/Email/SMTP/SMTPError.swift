/// A failed SMTP delivery: which server, at which step, and what it said. Built only from the
/// server's replies and local conditions, never from what was sent, so credentials cannot leak.
struct SMTPError: Error, Sendable, CustomStringConvertible {
    var server: String
    /// `connect`, `TLS`, `greeting`, `EHLO`, `STARTTLS`, `AUTH PLAIN`, `MAIL FROM`, `RCPT TO`, `DATA`, ...
    var stage: String
    var detail: String
    /// The server's reply, when the failure is one.
    var reply: SMTPReply?

    var description: String { "SMTP \(server): \(stage) failed: \(detail)" }

    /// A 4xx reply or a network failure: worth retrying soon. (5xx are retried too, with backoff:
    /// a wrong password or a full mailbox can be fixed without losing the email.)
    var isTransient: Bool { reply.map { $0.code / 100 == 4 } ?? true }
}

/// One SMTP reply: a three-digit code and its text lines (RFC 5321 4.2).
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    var description: String { "\(code) " + lines.joined(separator: " | ") }
    var isPositiveCompletion: Bool { code / 100 == 2 }
}
