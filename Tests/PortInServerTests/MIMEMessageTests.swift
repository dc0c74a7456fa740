import Foundation
import Testing
@testable import PortInServer

/// The RFC 5322 / MIME rendering, read back with an independent parser.
@Suite("MIME message")
struct MIMEMessageTests {
    static func message(subject: String = "Port request PI0000000042 submitted", text: String, html: String = "<p>Hi</p>\n",
                        from: String = "PortIn <no-reply@portin.test>") -> EmailMessage {
        EmailMessage(from: from, to: ["noc@acme.test", "alerts@acme.test"], subject: subject, text: text, html: html,
                     messageId: "out_0001@portin.test", date: TestService.start)
    }

    static func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    /// Every line ends in CRLF, is ASCII and at most 78 characters.
    static func expectWellFormed(_ data: Data) {
        #expect(data.allSatisfy { $0 < 128 }, "non-ASCII byte")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "bare CR")
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "long line: \(line)")
        }
    }

    @Test("headers, multipart/alternative with text then HTML, quoted-printable UTF-8, CRLF")
    func structure() throws {
        let text = "Hello,\nthe port date is Friday, March 12, 2027.\n"
        let html = "<!DOCTYPE html>\n<p>The port date is <strong>Friday</strong>.</p>\n"
        let data = MIMEMessage(Self.message(text: text, html: html)).data
        Self.expectWellFormed(data)
        let email = try ParsedEmail(data)
        #expect(email.header("From") == "PortIn <no-reply@portin.test>")
        #expect(email.header("To") == "noc@acme.test, alerts@acme.test")
        #expect(email.subject == "Port request PI0000000042 submitted")
        #expect(email.header("Date") == "Mon, 01 Mar 2027 15:00:00 +0000")
        #expect(email.header("Message-ID") == "<out_0001@portin.test>")
        #expect(email.header("MIME-Version") == "1.0")
        #expect(email.header("Content-Type")?.hasPrefix("multipart/alternative; boundary=") == true)
        #expect(email.parts.count == 2)
        #expect(email.parts.first?.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(email.parts.last?.header("Content-Type") == "text/html; charset=utf-8")
        #expect(email.parts.allSatisfy { $0.header("Content-Transfer-Encoding") == "quoted-printable" })
        #expect(email.plainText == Self.crlf(text))
        #expect(email.html == Self.crlf(html))
        // Rendering again (a retry) gives the same bytes.
        #expect(MIMEMessage(Self.message(text: text, html: html)).data == data)
    }

    @Test("quoted-printable: long lines soft-broken, =, trailing blanks, non-ASCII and leading dots survive")
    func quotedPrintable() throws {
        let long = String(repeating: "0123456789 ", count: 20)
        let text = "\(long)\nprice = 5 =3D\ntrailing   \n.leading dot\n.\nCafé — “quoted” ✓\n\tindented\n"
        let data = MIMEMessage(Self.message(text: text)).data
        Self.expectWellFormed(data)
        let email = try ParsedEmail(data)
        #expect(email.part("text/plain")?.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(email.plainText == Self.crlf(text))
        let raw = try #require(email.part("text/plain")?.raw)
        #expect(raw.contains("=3D"))
        #expect(raw.contains("trailing  =20"))
        #expect(raw.contains("Caf=C3=A9"))
        #expect(raw.contains("\r\n.leading dot\r\n"))
    }

    @Test("mostly non-ASCII text goes base64; a non-ASCII subject and sender name become RFC 2047 words")
    func nonASCII() throws {
        let subject = "Portierung bestätigt: Rufnummern für Müller & Söhne — 東京オフィスの番号移行が完了しました"
        let text = "東京オフィスの番号移行が完了しました。\nありがとうございます。\n"
        let data = MIMEMessage(Self.message(subject: subject, text: text, from: "Équipe Portage <no-reply@portin.test>")).data
        Self.expectWellFormed(data)
        let email = try ParsedEmail(data)
        #expect(email.subject == subject)
        #expect(email.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        let sender = try #require(email.header("From"))
        #expect(sender.hasSuffix(" <no-reply@portin.test>"))
        #expect(try ParsedEmail.decodeWords(sender.replacingOccurrences(of: " <no-reply@portin.test>", with: "")) == "Équipe Portage")
        #expect(email.part("text/plain")?.header("Content-Transfer-Encoding") == "base64")
        #expect(email.plainText == Self.crlf(text))
    }

    @Test("a display name with specials is quoted; header injection through the subject is impossible")
    func headerSafety() throws {
        let data = MIMEMessage(Self.message(subject: "Hello\r\nBcc: victim@evil.test", text: "x\n",
                                            from: "PortIn, Porting Team <no-reply@portin.test>")).data
        let email = try ParsedEmail(data)
        #expect(email.header("From") == "\"PortIn, Porting Team\" <no-reply@portin.test>")
        #expect(email.header("Bcc") == nil)
        #expect(email.subject == "Hello  Bcc: victim@evil.test")
    }

    @Test("SMTP dot-stuffing doubles a leading dot and ends the data with CRLF . CRLF")
    func dotStuffing() {
        let stuffed = SMTPDotStuffing.stuff(Array("a\r\n.b\r\n..c\r\n.\r\nend".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "a\r\n..b\r\n...c\r\n..\r\nend\r\n.\r\n")
        #expect(String(decoding: SMTPDotStuffing.stuff(Array(".first\r\n".utf8)), as: UTF8.self) == "..first\r\n.\r\n")
    }
}

@Suite("File email transport")
struct FileEmailTransportTests {
    @Test("writes <data>/mail/<message id>.eml atomically; a retry replaces it with the same bytes")
    func writesEML() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("portin-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let transport = FileEmailTransport(dataDirectory: data)
        var message = MIMEMessageTests.message(text: "Your port is complete.\n")
        #expect(try await transport.send(message).refused.isEmpty)
        #expect(try await transport.send(message).refused.isEmpty)
        let mail = data.appendingPathComponent("mail")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mail.path) == ["out_0001@portin.test.eml"])
        let written = try Data(contentsOf: mail.appendingPathComponent("out_0001@portin.test.eml"))
        #expect(written == MIMEMessage(message).data)
        #expect(try ParsedEmail(written).plainText == "Your port is complete.\r\n")
        // Nothing of a Message-ID can escape the directory.
        message.messageId = "../../etc/passwd@x"
        _ = try await transport.send(message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mail.path).sorted()
                == [".._.._etc_passwd@x.eml", "out_0001@portin.test.eml"])
    }
}
