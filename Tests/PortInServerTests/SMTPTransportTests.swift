import Foundation
import Logging
import Testing
@testable import PortInServer

/// The SMTP client against a real server (aiosmtpd) started by each test.
@Suite("SMTP transport")
struct SMTPTransportTests {
    static let user = "mailer"
    static let password = "s3cret-Pa55word"

    /// Text with the lines SMTP's transparency rule is about: a lone dot would end DATA early.
    static func message(to: [String] = ["noc@acme.test", "alerts@acme.test"]) -> EmailMessage {
        EmailMessage(from: "PortIn <no-reply@portin.test>", to: to, subject: "Port complete: the numbers of PI0000000042 are active",
                     text: "Done.\n.\n..two dots\n.leading\nCafé ✓\n", html: "<p>Done.</p>\n.\n",
                     messageId: "out_smtp_1@portin.test", date: TestService.start)
    }

    static func transport(_ server: SMTPTestServer, host: String = "127.0.0.1", security: SMTPSettings.Security = .none,
                          user: String? = nil, password: String? = nil, caFile: String? = nil, logger: Logger = Logger(label: "test"))
        throws -> SMTPTransport {
        try SMTPTransport(settings: SMTPSettings(host: host, port: server.port, security: security, username: user, password: password,
                                                 caFile: caFile, timeout: 20),
                          logger: logger)
    }

    /// What the server received is byte for byte what the message renders to.
    static func expectDelivered(_ server: SMTPTestServer, _ message: EmailMessage) throws -> SMTPTestServer.Received {
        let received = try server.received()
        #expect(received.count == 1)
        let first = try #require(received.first)
        #expect(first.raw == MIMEMessage(message).data)
        #expect(first.mailFrom == "no-reply@portin.test")
        #expect(first.recipients == message.to)
        let parsed = try first.parsed()
        #expect(parsed.plainText == message.text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(parsed.html == message.html.replacingOccurrences(of: "\n", with: "\r\n"))
        return first
    }

    @Test("plain SMTP: envelope per recipient, dot-stuffed data arrives unchanged")
    func plain() async throws {
        try await SMTPTestServer.with { server in
            let message = Self.message()
            let result = try await Self.transport(server).send(message)
            #expect(result.refused.isEmpty)
            let received = try Self.expectDelivered(server, message)
            #expect(!received.tls)
            #expect(received.login == nil)
        }
    }

    @Test("STARTTLS with a custom CA file, then AUTH PLAIN")
    func startTLSWithAuth() async throws {
        try await SMTPTestServer.with(tls: .starttls, user: Self.user, password: Self.password) { server in
            let message = Self.message()
            _ = try await Self.transport(server, host: "localhost", security: .starttls, user: Self.user, password: Self.password,
                                         caFile: server.caFile).send(message)
            let received = try Self.expectDelivered(server, message)
            #expect(received.tls)
            #expect(received.login == Self.user)
        }
    }

    @Test("AUTH LOGIN when the server offers no PLAIN")
    func authLogin() async throws {
        try await SMTPTestServer.with(tls: .starttls, user: Self.user, password: Self.password, onlyLogin: true) { server in
            let message = Self.message()
            _ = try await Self.transport(server, host: "localhost", security: .starttls, user: Self.user, password: Self.password,
                                         caFile: server.caFile).send(message)
            #expect(try Self.expectDelivered(server, message).login == Self.user)
        }
    }

    @Test("implicit TLS to an IP address: the certificate is checked against the address")
    func implicitTLS() async throws {
        try await SMTPTestServer.with(tls: .implicit, user: Self.user, password: Self.password) { server in
            let message = Self.message()
            _ = try await Self.transport(server, security: .tls, user: Self.user, password: Self.password, caFile: server.caFile)
                .send(message)
            #expect(try Self.expectDelivered(server, message).tls)
        }
    }

    @Test("a wrong password is a clear error naming the user and the server's answer, never the password")
    func wrongPassword() async throws {
        let capture = LogCapture()
        try await SMTPTestServer.with(tls: .starttls, user: Self.user, password: Self.password) { server in
            let transport = try Self.transport(server, host: "localhost", security: .starttls, user: Self.user, password: "wrong-pw-123",
                                               caFile: server.caFile, logger: capture.logger)
            let error = try await #require(throws: SMTPError.self) { try await transport.send(Self.message()) }
            #expect(error.stage == "AUTH PLAIN")
            #expect(error.reply?.code == 535)
            #expect(error.description.contains("refused the credentials of user mailer"))
            #expect(error.description.contains("localhost:\(server.port)"))
            #expect(!error.description.contains("wrong-pw-123"))
            #expect(!"\(transport.settings)".contains("wrong-pw-123"))
            #expect(!String(reflecting: transport.settings).contains("wrong-pw-123"))
            #expect(capture.all.allSatisfy { !$0.contains("wrong-pw-123") })
            #expect(try server.received().isEmpty)
        }
    }

    @Test("TLS is never skipped: a server without STARTTLS, or a certificate nobody trusts, is an error")
    func tlsRequired() async throws {
        try await SMTPTestServer.with { server in
            let error = try await #require(throws: SMTPError.self) {
                try await Self.transport(server, security: .starttls).send(Self.message())
            }
            #expect(error.stage == "STARTTLS")
            #expect(error.description.contains("does not offer STARTTLS"))
            #expect(try server.received().isEmpty)
        }
        try await SMTPTestServer.with(tls: .starttls) { server in
            // The system's CAs do not include the test server's self-signed certificate.
            let error = try await #require(throws: SMTPError.self) {
                try await Self.transport(server, host: "localhost", security: .starttls).send(Self.message())
            }
            #expect(error.stage == "TLS")
            #expect(try server.received().isEmpty)
        }
    }

    @Test("a server that hangs up mid-session fails the send at once as closed, not after the step timeout")
    func serverHangsUp() async throws {
        let server = try HangUpSMTPServer()
        defer { server.stop() }
        // A minute per step: had the client waited for it, the error would say "no answer within 60 seconds".
        let transport = try SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeout: 60),
                                          logger: Logger(label: "test"))
        let error = try await #require(throws: SMTPError.self) { try await transport.send(Self.message()) }
        #expect(error.description.contains("closed the connection"), "\(error)")
        #expect(!error.description.contains("no answer"))
    }

    @Test("a CA file that cannot be read is reported when the transport is made")
    func badCAFile() throws {
        let error = try #require(throws: SMTPError.self) {
            try SMTPTransport(settings: SMTPSettings(host: "localhost", caFile: "/nonexistent/ca.pem"), logger: Logger(label: "test"))
        }
        #expect(error.description.contains("/nonexistent/ca.pem"))
    }
}
