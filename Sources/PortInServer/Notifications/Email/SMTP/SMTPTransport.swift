import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends each email in its own SMTP session: greeting, EHLO, STARTTLS (then EHLO again) when
/// configured, AUTH PLAIN or LOGIN when a username is set, MAIL FROM, one RCPT TO per recipient,
/// DATA with dot-stuffing, QUIT. Never falls back to plain text when TLS was asked for.
final class SMTPTransport: EmailTransport {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    let logger: Logger
    /// Built once, so a bad CA file is reported when the transport is made, not at the first email.
    private let tls: NIOSSLContext?

    init(settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) throws {
        self.settings = settings
        self.group = group
        self.logger = logger
        if settings.security == .none {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile = settings.caFile {
                do {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
                } catch {
                    throw SMTPError(server: settings.server, stage: "TLS setup", detail: "cannot read the CA file \(caFile): \(error)")
                }
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    func send(_ message: EmailMessage) async throws -> EmailSendResult {
        guard let sender = EmailAddress.addrSpec(of: message.from) else {
            throw SMTPError(server: settings.server, stage: "MAIL FROM", detail: "the sender \(message.from) is not an address")
        }
        let recipients = message.to.compactMap(EmailAddress.addrSpec(of:))
        guard !recipients.isEmpty, recipients.count == message.to.count else {
            throw SMTPError(server: settings.server, stage: "RCPT TO", detail: "not every recipient is an address: \(message.to)")
        }
        let connection = try await SMTPConnection.open(settings, tls: tls, group: group)
        do {
            let result = try await session(connection, message: message, sender: sender, recipients: recipients)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    private func session(_ connection: SMTPConnection, message: EmailMessage, sender: String, recipients: [String]) async throws
        -> EmailSendResult {
        try await connection.command(nil, shown: "greeting", expect: [220])
        let helo = settings.heloName ?? EmailAddress.domain(of: sender) ?? "localhost"
        var extensions = try await ehlo(connection, name: helo)
        if settings.security == .starttls, let tls {
            guard extensions.keys.contains("STARTTLS") else {
                throw SMTPError(server: settings.server, stage: "STARTTLS", detail: "the server does not offer STARTTLS "
                    + "(set PORTIN_SMTP_SECURITY=tls for a TLS port, or none for a plain relay)")
            }
            try await connection.command("STARTTLS", shown: "STARTTLS", expect: [220])
            try await connection.startTLS(tls)
            // RFC 3207 4.2: forget what the server said before TLS, ask again. The handshake runs with
            // this first write: a failure without a reply (an untrusted certificate closing the
            // connection) is the TLS step's, whichever error the closed channel reports.
            do {
                extensions = try await ehlo(connection, name: helo)
            } catch var error as SMTPError where error.reply == nil && error.stage != "TLS" {
                error.detail = "the TLS handshake did not complete (\(error.detail))"
                error.stage = "TLS"
                throw error
            }
        }
        if let username = settings.username {
            try await authenticate(connection, username: username, password: settings.password ?? "", offered: extensions["AUTH"])
        }
        try await connection.command("MAIL FROM:<\(sender)>", shown: "MAIL FROM", expect: [250])
        var refused: [String: String] = [:]
        for recipient in recipients {
            let reply = try await connection.exchange(ByteBuffer(string: "RCPT TO:<\(recipient)>\r\n"), stage: "RCPT TO")
            switch reply.code {
            case 250, 251: continue
            case 500...599: refused[recipient] = reply.description
            default:
                throw SMTPError(server: settings.server, stage: "RCPT TO", detail: "the server answered \(reply) for \(recipient)",
                                reply: reply)
            }
        }
        if refused.count == recipients.count {
            let reply = SMTPReply(code: 550, lines: ["every recipient refused"])
            throw SMTPError(server: settings.server, stage: "RCPT TO",
                            detail: "every recipient was refused: " + refused.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                                .joined(separator: "; "), reply: reply)
        }
        try await connection.command("DATA", shown: "DATA", expect: [354])
        var body = ByteBuffer()
        body.writeBytes(SMTPDotStuffing.stuff(Array(MIMEMessage(message).data)))
        try await connectionData(connection, body)
        // The message is accepted; a failed goodbye changes nothing.
        _ = try? await connection.command("QUIT", shown: "QUIT", expect: [221])
        if !refused.isEmpty {
            logger.warning("email recipients refused", metadata: ["message_id": "\(message.messageId)", "refused": "\(refused.count)"])
        }
        return EmailSendResult(refused: refused)
    }

    private func connectionData(_ connection: SMTPConnection, _ body: ByteBuffer) async throws {
        let reply = try await connection.exchange(body, stage: "DATA")
        guard reply.code == 250 else {
            throw SMTPError(server: settings.server, stage: "DATA", detail: "the server answered \(reply) to the message", reply: reply)
        }
    }

    /// EHLO; returns the extensions offered, keyword -> parameters (upper-cased).
    private func ehlo(_ connection: SMTPConnection, name: String) async throws -> [String: [String]] {
        let reply = try await connection.command("EHLO \(name)", shown: "EHLO", expect: [250])
        var extensions: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ").map(String.init)
            if let keyword = words.first { extensions[keyword] = Array(words.dropFirst()) }
        }
        return extensions
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN (RFC 4954, 4616). The credentials go out only
    /// in these commands, which no error or log line repeats.
    private func authenticate(_ connection: SMTPConnection, username: String, password: String, offered: [String]?) async throws {
        guard let offered else {
            throw SMTPError(server: settings.server, stage: "AUTH", detail: "the server offers no authentication"
                + (settings.security == .none ? " without TLS (set PORTIN_SMTP_SECURITY to starttls or tls)" : ""))
        }
        let refusal = "the server refused the credentials of user \(username)"
        if offered.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            let reply = try await connection.exchange(ByteBuffer(string: "AUTH PLAIN \(token)\r\n"), stage: "AUTH PLAIN")
            guard reply.code == 235 else {
                throw SMTPError(server: settings.server, stage: "AUTH PLAIN", detail: "\(refusal): \(reply)", reply: reply)
            }
        } else if offered.contains("LOGIN") {
            try await connection.command("AUTH LOGIN", shown: "AUTH LOGIN", expect: [334])
            let user = try await connection.exchange(ByteBuffer(string: Data(username.utf8).base64EncodedString() + "\r\n"),
                                                     stage: "AUTH LOGIN")
            guard user.code == 334 else {
                throw SMTPError(server: settings.server, stage: "AUTH LOGIN", detail: "\(refusal): \(user)", reply: user)
            }
            let reply = try await connection.exchange(ByteBuffer(string: Data(password.utf8).base64EncodedString() + "\r\n"),
                                                      stage: "AUTH LOGIN")
            guard reply.code == 235 else {
                throw SMTPError(server: settings.server, stage: "AUTH LOGIN", detail: "\(refusal): \(reply)", reply: reply)
            }
        } else {
            throw SMTPError(server: settings.server, stage: "AUTH",
                            detail: "the server offers neither PLAIN nor LOGIN (it offers \(offered.joined(separator: " ")))")
        }
    }
}

/// SMTP's transparency rule (RFC 5321 4.5.2): a line starting with `.` gets another `.`, and the
/// data ends with `CRLF . CRLF`.
enum SMTPDotStuffing {
    static func stuff(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 64 + 5)
        var atLineStart = true
        for byte in bytes {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !out.suffix(2).elementsEqual([13, 10]) { out += [13, 10] }
        out += Array(".\r\n".utf8)
        return out
    }
}
