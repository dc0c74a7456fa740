import Crypto
import Foundation

/// An `EmailMessage` as RFC 5322 bytes: headers (RFC 2047 words for non-ASCII), a
/// multipart/alternative body with the text/plain part first and the text/html part last (the
/// one clients prefer), UTF-8 in quoted-printable or base64, CRLF line endings throughout. The
/// same message always renders to the same bytes, so a retried send is byte-identical.
struct MIMEMessage: Sendable {
    let message: EmailMessage

    init(_ message: EmailMessage) {
        self.message = message
    }

    /// Derived from the Message-ID; `=_` cannot occur in quoted-printable or base64 output.
    var boundary: String {
        let digest = SHA256.hash(data: Data(message.messageId.utf8))
        return "=_portin_" + digest.prefix(12).map { MIMEEncoding.hex($0) }.joined()
    }

    var headers: [(name: String, value: String)] {
        [
            ("From", MIMEEncoding.mailbox(message.from)),
            ("To", message.to.joined(separator: ",\r\n ")),
            ("Subject", MIMEEncoding.headerText(message.subject)),
            ("Date", MIMEEncoding.date(message.date)),
            ("Message-ID", "<\(message.messageId)>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""),
            // RFC 3834: automatic notifications; well-behaved auto-responders stay quiet.
            ("Auto-Submitted", "auto-generated"),
        ] + [("X-PortIn-Notification", message.notificationType), ("X-PortIn-Request-Id", message.requestId)].compactMap { name, value in
            // Our own tokens (`foc_confirmed`, `pr_...`): nothing to encode.
            value.map { (name: name, value: $0) }
        }
    }

    /// The whole message.
    var rendered: String {
        var out = headers.map { MIMEEncoding.fold("\($0.name): \($0.value)") + "\r\n" }.joined()
        out += "\r\nThis is a multi-part message in MIME format.\r\n"
        out += part(contentType: "text/plain", message.text)
        out += part(contentType: "text/html", message.html)
        out += "\r\n--\(boundary)--\r\n"
        return out
    }

    var data: Data { Data(rendered.utf8) }

    private func part(contentType: String, _ text: String) -> String {
        let base64 = MIMEEncoding.prefersBase64(text)
        let body = base64 ? MIMEEncoding.base64(Data(MIMEEncoding.normalizedLines(text).joined(separator: "\r\n").utf8) + Data("\r\n".utf8))
            : MIMEEncoding.quotedPrintable(text)
        // The CRLF before a delimiter belongs to the delimiter (RFC 2046 5.1.1): the body's last line break stays its own.
        return "\r\n--\(boundary)\r\n"
            + "Content-Type: \(contentType); charset=utf-8\r\n"
            + "Content-Transfer-Encoding: \(base64 ? "base64" : "quoted-printable")\r\n"
            + "\r\n" + body
    }
}
