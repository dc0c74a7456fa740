import Foundation
import Logging
import Testing
@testable import PortInServer

@Suite("Email configuration")
struct EmailConfigurationTests {
    @Test("no SMTP host: emails are .eml files in <data>/mail, from the default sender")
    func defaults() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.smtp == nil)
        #expect(configuration.mailFrom == "PortIn <no-reply@portin.localhost>")
        let data = URL(fileURLWithPath: "/tmp/portin-data")
        let transport = try configuration.email.makeTransport(dataDirectory: data, logger: Logger(label: "test"))
        #expect((transport as? FileEmailTransport)?.directory.path == "/tmp/portin-data/mail")
    }

    @Test("SMTP settings are read; the port follows the security unless set")
    func smtp() throws {
        let configuration = try ServerConfiguration(environment: [
            "PORTIN_SMTP_HOST": "smtp.example.com", "PORTIN_SMTP_USERNAME": "mailer", "PORTIN_SMTP_PASSWORD": "hunter2-secret",
            "PORTIN_SMTP_CA_FILE": #filePath, "PORTIN_MAIL_FROM": "Porting <porting@example.com>",
        ])
        let smtp = try #require(configuration.smtp)
        #expect(smtp.host == "smtp.example.com")
        #expect(smtp.port == 587)
        #expect(smtp.security == .starttls)
        #expect(smtp.username == "mailer")
        #expect(smtp.password == "hunter2-secret")
        #expect(smtp.caFile == #filePath)
        #expect(configuration.mailFrom == "Porting <porting@example.com>")
        #expect(EmailOutboxDelivery.messageIdHost(for: configuration.mailFrom) == "example.com")
        let tls = try ServerConfiguration(environment: ["PORTIN_SMTP_HOST": "smtp.example.com", "PORTIN_SMTP_SECURITY": "TLS"])
        #expect(tls.smtp?.port == 465)
        #expect(tls.smtp?.security == .tls)
        let relay = try ServerConfiguration(environment: ["PORTIN_SMTP_HOST": "relay", "PORTIN_SMTP_SECURITY": "none",
                                                          "PORTIN_SMTP_PORT": "2525"])
        #expect(relay.smtp?.port == 2525)
        #expect(relay.smtp?.username == nil)
        // The password shows in no rendering of the configuration.
        for text in ["\(configuration)", String(reflecting: configuration), "\(smtp)", String(reflecting: smtp)] {
            #expect(!text.contains("hunter2-secret"), "\(text)")
        }
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("hunter2-secret"))
    }

    @Test("every unusable SMTP or sender value is reported at once, by name")
    func problems() {
        do {
            _ = try ServerConfiguration(environment: [
                "PORTIN_SMTP_HOST": "smtp.example.com", "PORTIN_SMTP_PORT": "smtp", "PORTIN_SMTP_SECURITY": "ssl",
                "PORTIN_SMTP_USERNAME": "mailer", "PORTIN_SMTP_CA_FILE": "/nonexistent/ca.pem", "PORTIN_MAIL_FROM": "not an address",
            ])
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.problems.count == 5, "\(error.problems)")
            for name in ["PORTIN_SMTP_PORT", "PORTIN_SMTP_SECURITY", "PORTIN_SMTP_PASSWORD", "PORTIN_SMTP_CA_FILE", "PORTIN_MAIL_FROM"] {
                #expect(error.description.contains(name), "\(name) missing from \(error)")
            }
        }
        do {
            _ = try ServerConfiguration(environment: ["PORTIN_SMTP_PORT": "25", "PORTIN_SMTP_PASSWORD": "x", "PORTIN_SMTP_SECURITY": "none"])
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.problems.contains("PORTIN_SMTP_HOST is required with PORTIN_SMTP_PORT, PORTIN_SMTP_SECURITY, "
                + "PORTIN_SMTP_PASSWORD"))
            #expect(error.problems.contains("PORTIN_SMTP_USERNAME is required with PORTIN_SMTP_PASSWORD"))
            #expect(error.problems.contains("PORTIN_SMTP_PASSWORD is sent only over TLS: set PORTIN_SMTP_SECURITY to starttls or tls"))
            #expect(!error.description.contains("=x"))
        }
    }
}
