import Foundation
import Logging
import PortInCore
import PortInStore
import Synchronization
import Testing
@testable import PortInServer

/// The email outbox end to end: requests changed through the API, lifecycle jobs, the outbox
/// worker, and a real SMTP server receiving what the customer gets.
@Suite("Email delivery")
struct EmailDeliveryTests {
    static let from = "PortIn <no-reply@portin.test>"
    /// A PIN that appears nowhere else in a request (numbers, ids, dates).
    static let pin = "739184"

    static func delivery(_ service: TestService, _ server: SMTPTestServer, password: String? = nil, owner: String = "mailer-1",
                         logger: Logger = Logger(label: "test")) throws -> EmailOutboxDelivery {
        let settings = password == nil
            ? SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeout: 20)
            : SMTPSettings(host: "localhost", port: server.port, security: .starttls, username: SMTPTransportTests.user,
                           password: password, caFile: server.caFile, timeout: 20)
        return EmailOutboxDelivery(store: service.store, transport: try SMTPTransport(settings: settings, logger: logger),
                                   clock: service.clock, from: from, logger: logger, owner: owner)
    }

    /// Creates (with a PIN and a second notification address), documents and submits a request.
    static func submitRequest(_ service: TestService, numbers: [String]) async throws -> (Credentials, String, String) {
        let (_, auth) = try await service.makeAccount()
        try service.addSubscriber(numbers: numbers, pin: pin)
        var fields = TestService.requestFields(btn: numbers[0], pin: pin)
        fields["notification_emails"] = ["alerts@acme.test"]
        let id = try await service.createOne(auth, numbers: numbers, fields: fields).id
        try await service.attachPaperwork(auth, requestId: id)
        let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
        #expect(submitted.status == 200, "\(submitted.text)")
        return (auth, id, try #require(submitted.json["pon"] as? String))
    }

    /// Every received email has both parts, goes to the account contact and the request's
    /// address, and carries no PIN (neither encoded nor decoded).
    static func expectCustomerEmails(_ received: [SMTPTestServer.Received]) throws -> [ParsedEmail] {
        try received.map { message in
            let email = try message.parsed()
            #expect(message.recipients == ["noc@acme.test", "alerts@acme.test"])
            #expect(message.mailFrom == "no-reply@portin.test")
            #expect(email.part("text/plain") != nil && email.part("text/html") != nil, "\(email.subject)")
            #expect(email.header("Message-ID")?.hasSuffix("@portin.test>") == true)
            #expect(email.header("X-PortIn-Request-Id")?.hasPrefix("pr_") == true)
            #expect(NotificationType(rawValue: email.header("X-PortIn-Notification") ?? "")?.isEmailed == true)
            for text in [email.raw, email.plainText, email.html, email.subject] {
                #expect(!text.contains(pin), "the PIN is in \(email.subject)")
            }
            return email
        }
    }

    @Test("submit sends a submitted email; the port's later steps each send theirs, with both parts and never the PIN",
          arguments: TestBackend.available)
    func lifecycleEmails(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await SMTPTestServer.with { server in
                let numbers = ["+12175220401", "+12175220402"]
                let (auth, id, pon) = try await Self.submitRequest(service, numbers: numbers)
                let delivery = try Self.delivery(service, server)
                #expect(await delivery.deliverDue() == 1)
                let first = try Self.expectCustomerEmails(try server.received())
                #expect(first.map(\.subject) == ["Port request \(pon) submitted"])
                let submitted = try #require(first.first)
                #expect(submitted.header("To") == "noc@acme.test, alerts@acme.test")
                for phrase in [pon, id, "+12175220401", "+12175220402", "ticket-7"] {
                    #expect(submitted.plainText.contains(phrase) && submitted.html.contains(phrase), "\(phrase)")
                }
                // The row is sent: nothing goes twice.
                #expect(await delivery.deliverDue() == 0)
                let rowId = try #require(submitted.header("Message-ID")?.dropFirst().split(separator: "@").first.map(String.init))
                #expect(try await service.store.outbox.find(id: rowId)?.status == .sent)

                try await LifecycleFlowTests.drive(service, auth: auth, id: id) { $0 == "completed" }
                await delivery.deliverDue()
                let all = try Self.expectCustomerEmails(try server.received())
                let subjects = all.map(\.subject)
                // Each event's email exactly once.
                #expect(Set(subjects).count == subjects.count, "\(subjects)")
                #expect(subjects.contains { $0.hasPrefix("Port date confirmed: \(pon) ports on ") })
                #expect(subjects.contains("Your numbers for \(pon) are in your account: attach an application"))
                #expect(subjects.contains("Port complete: the numbers of \(pon) are active"))
                let foc = try #require(CivilDate(try await service.read(auth, id)["foc_date"] as? String ?? ""))
                let focEmail = try #require(all.first { $0.subject.hasPrefix("Port date confirmed") })
                #expect(focEmail.subject.hasSuffix(EmailComposer.longDate(foc)))
                #expect(focEmail.plainText.contains("Set up your application now"))
            }
        }
    }

    @Test("no email of any type made from a request created with a PIN contains it", arguments: TestBackend.available)
    func noPINInAnyType(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let created = try await service.createOne(auth, numbers: ["+12175220441"],
                                                      fields: TestService.requestFields(btn: "+12175220441", pin: Self.pin))
            #expect(created["pin_provided"] as? Bool == true)
            #expect(try await service.store.portRequests.revealPIN(id: created.id) == Self.pin)
            let request = try #require(try await service.store.portRequests.opsFind(id: created.id))
            for type in NotificationType.allCases where type.isEmailed {
                let notification = PortNotification(type: type, request: request, at: service.clock.now(), comment: "call us",
                                                    message: "note")
                let content = try #require(EmailComposer().compose(notification))
                let rendered = MIMEMessage(EmailMessage(from: Self.from, to: ["noc@acme.test"], subject: content.subject,
                                                        text: content.plainText, html: content.html, messageId: "out_1@portin.test",
                                                        date: service.clock.now())).rendered
                for text in [content.subject, content.plainText, content.html, rendered] {
                    #expect(!text.contains(Self.pin), "\(type)")
                }
            }
        }
    }

    @Test("a rejection sends one action-required email listing every reason with its fix, in both parts",
          arguments: TestBackend.available)
    func actionRequiredEmail(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await SMTPTestServer.with { server in
                let numbers = ["+12175220411"]
                let (auth, id, pon) = try await Self.submitRequest(service, numbers: numbers)
                // The carrier's record changes after the pre-check: several fields no longer match.
                try service.addSubscriber(numbers: numbers, pin: Self.pin, businessName: "Other Holdings Inc",
                                          address: ServiceAddress(houseNumber: "400", street: "Elm Ave", city: "Springfield",
                                                                  state: "IL", postalCode: "62704"))
                try await LifecycleFlowTests.drive(service, auth: auth, id: id) { $0 == "action_required" || $0 == "foc_confirmed" }
                let request = try await service.read(auth, id)
                #expect(request["status"] as? String == "action_required")
                let reasons = request["reasons"] as? [[String: Any]] ?? []
                #expect(reasons.count >= 2, "\(reasons)")

                _ = try await Self.delivery(service, server).deliverDue()
                let emails = try Self.expectCustomerEmails(try server.received())
                let email = try #require(emails.first { $0.subject.hasPrefix("Action required: port request \(pon)") })
                #expect(email.subject.contains("(\(reasons.count) issues to fix)"))
                let text = EmailComposerTests.flat(email.plainText)
                let html = EmailComposerTests.visibleText(email.html)
                for reason in reasons {
                    let code = try #require(RejectionCode(rawValue: reason["code"] as? String ?? ""))
                    let entry = RejectionCatalog.entry(for: code)
                    var values = [entry.title, entry.explanation]
                    // `message` is the carrier's words, or the explanation when it gave none.
                    for key in ["field", "message", "fix_hint", "carrier_code"] {
                        values.append(try #require(reason[key] as? String, "\(key) of \(reason)"))
                    }
                    for value in values {
                        #expect(text.contains(EmailComposerTests.flat(value)), "text lacks \(value)")
                        #expect(html.contains(EmailComposerTests.flat(value)), "html lacks \(value)")
                    }
                }
            }
        }
    }

    @Test("a wrong SMTP password: the email stays pending with a clear error and backs off; it goes out once fixed",
          arguments: TestBackend.available)
    func wrongPasswordIsRetried(backend: TestBackend) async throws {
        let capture = LogCapture()
        try await TestService.with(backend) { service in
            try await SMTPTestServer.with(tls: .starttls, user: SMTPTransportTests.user, password: SMTPTransportTests.password) { server in
                let (_, _, pon) = try await Self.submitRequest(service, numbers: ["+12175220421"])
                let broken = try Self.delivery(service, server, password: "not-the-password", logger: capture.logger)
                #expect(await broken.deliverDue() == 0)
                let row = try #require(try await service.store.outbox.due(now: service.clock.now().addingTimeInterval(7200), limit: 10).first)
                #expect(row.status == .pending)
                #expect(row.attempts == 1)
                #expect(row.nextAttemptAt > service.clock.now())
                let error = try #require(row.lastError)
                #expect(error.contains("535") && error.contains("AUTH PLAIN") && error.contains("mailer"), "\(error)")
                #expect(!error.contains("not-the-password"))
                #expect(capture.all.contains { $0.contains("email not sent") })
                #expect(capture.all.allSatisfy { !$0.contains("not-the-password") })
                // Not due again before its retry time.
                #expect(await broken.deliverDue() == 0)
                #expect(try await service.store.outbox.find(id: row.id)?.attempts == 1)

                service.clock.set(row.nextAttemptAt)
                let fixed = try Self.delivery(service, server, password: SMTPTransportTests.password)
                #expect(await fixed.deliverDue() == 1)
                let received = try server.received()
                #expect(received.map(\.login) == [SMTPTransportTests.user])
                #expect(try received.first?.parsed().subject == "Port request \(pon) submitted")
                #expect(try await service.store.outbox.find(id: row.id)?.status == .sent)
            }
        }
    }

    @Test("an email whose worker died is sent by another once the lease expires, with the same Message-ID",
          arguments: TestBackend.available)
    func abandonedLeaseIsTakenOver(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            try await SMTPTestServer.with { server in
                _ = try await Self.submitRequest(service, numbers: ["+12175220431"])
                let claimed = try await service.store.outbox.claimDue(kind: .email, now: service.clock.now(), limit: 10,
                                                                     leaseOwner: "crashed-worker", leaseSeconds: 300)
                #expect(claimed.count == 1)
                let delivery = try Self.delivery(service, server, owner: "mailer-2")
                #expect(await delivery.deliverDue() == 0)
                service.clock.advance(by: 300)
                #expect(await delivery.deliverDue() == 1)
                let received = try server.received()
                #expect(received.count == 1)
                #expect(try received.first?.parsed().header("Message-ID") == "<\(claimed[0].id)@portin.test>")
                #expect(try await service.store.outbox.markSent(id: claimed[0].id, leaseOwner: "crashed-worker", at: service.clock.now())
                        == false)
            }
        }
    }

    @Test("failures back off exponentially for up to 24 hours, then the email is dead", arguments: TestBackend.available)
    func givesUpAfterADay(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let transport = FailingTransport()
            let row = try await service.store.transaction { tx in
                try await tx.outbox.enqueue(kind: .email, payload: JSONEncoder.notifications.encode(
                    EmailEnvelope(notification: try EmailComposerTests.notification(.completed, status: .completed), to: ["noc@acme.test"])),
                    now: service.clock.now())
            }
            let delivery = EmailOutboxDelivery(store: service.store, transport: transport, clock: service.clock, from: Self.from,
                                               logger: Logger(label: "test"))
            let deadline = row.createdAt.addingTimeInterval(24 * 3600)
            var waits: [TimeInterval] = []
            while true {
                #expect(await delivery.deliverDue() == 0)
                let current = try #require(try await service.store.outbox.find(id: row.id))
                if current.status == .dead { break }
                #expect(current.status == .pending)
                #expect(current.nextAttemptAt <= deadline)
                waits.append(current.nextAttemptAt.timeIntervalSince(service.clock.now()))
                service.clock.set(current.nextAttemptAt)
                if waits.count > 200 { Issue.record("never gave up"); break }
            }
            #expect(service.clock.now() == deadline, "gave up at \(service.clock.now()), not at the 24 hour mark")
            #expect(transport.attempts == waits.count + 1)
            // Backoff grows: the later waits are longer than the first ones (cap 1 h, jittered).
            #expect(waits.count >= 20)
            #expect(waits.prefix(3).allSatisfy { $0 <= 120 })
            #expect(waits.allSatisfy { $0 <= 3600 })
            // At least a second apart, except a last wait cut short by the deadline.
            #expect(waits.dropLast().allSatisfy { $0 >= 1 })
            let dead = try #require(try await service.store.outbox.find(id: row.id))
            #expect(dead.lastError == "SMTP test:25: DATA failed: the server answered 451 4.3.0 try later")
        }
    }
}

/// A transport that always fails with a temporary SMTP error, counting attempts.
final class FailingTransport: EmailTransport {
    private let count = Mutex(0)
    var attempts: Int { count.withLock { $0 } }

    func send(_ message: EmailMessage) async throws -> EmailSendResult {
        count.withLock { $0 += 1 }
        let reply = SMTPReply(code: 451, lines: ["4.3.0 try later"])
        throw SMTPError(server: "test:25", stage: "DATA", detail: "the server answered \(reply)", reply: reply)
    }
}
