import Foundation
import PortInStore
import Testing
@testable import PortInServer

/// Signing in and out over real HTTP: cookie flags, session rotation, lockout and expiry on the
/// manual clock.
@Suite("Web sign-in")
struct WebLoginTests {
    @Test("sign in lands a customer on /app and an ops user on /ops; the session id rotates and is stored only hashed",
          arguments: TestBackend.available)
    func signInAndOut(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, _) = try await service.makeAccount()
            try await service.makeCustomerUser(account: account)
            try await service.makeOpsUser()

            let browser = TestBrowser(service)
            let form = try await browser.get("/login")
            expectPage(form, status: 200, contains: ["<h1>Sign in to PortIn</h1>", "<label for=\"f-email\">Email</label>"])
            let anonymous = try #require(browser.sessionCookie)
            let setCookie = try #require(form.headers.first(name: "Set-Cookie"))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && !setCookie.contains("Secure"))

            let signedIn = try await browser.post("/login", [("email", "JO@acme.test"), ("password", "correct horse battery")])
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/app")
            let session = try #require(browser.sessionCookie)
            #expect(session != anonymous, "the session id changes at sign-in")
            // The pre-sign-in id is worth nothing now.
            let stale = TestBrowser(service)
            stale.setCookie(anonymous)
            #expect(try await stale.get("/app").location == "/login")

            let dashboard = try await browser.get("/app")
            expectPage(dashboard, status: 200, contains: ["Your port requests", "Signed in as jo@acme.test"])
            // Only the SHA-256 of the id is in the database.
            let dump = try await service.runtime.textDump()
            #expect(!dump.contains(session) && !dump.contains(anonymous))
            #expect(try await service.runtime.count("web_sessions") == 1)

            let out = try await browser.post("/logout", [])
            #expect(out.status == 303 && out.location == "/login?signed_out=1")
            #expect(browser.sessionCookie == nil)
            let again = TestBrowser(service)
            again.setCookie(session)
            #expect(try await again.get("/app").location == "/login", "a signed-out session is gone")
            expectPage(try await browser.get("/login?signed_out=1"), status: 200, contains: ["You are signed out."])

            let ops = TestBrowser(service)
            let opsIn = try await ops.signIn("ops-web@portin.test", "correct horse battery")
            #expect(opsIn.status == 303 && opsIn.location == "/ops")
            expectPage(try await ops.get("/ops"), status: 200, contains: ["<h1>Ops console</h1>"])
            #expect(try await ops.get("/").location == "/ops")
            #expect(try await TestBrowser(service).get("/").location == "/login")
        }
    }

    @Test("the cookie is Secure when configured for https", arguments: TestBackend.available)
    func secureCookie(backend: TestBackend) async throws {
        try await TestService.with(backend, web: WebSettings(secureCookies: true)) { service in
            let form = try await TestBrowser(service).get("/login")
            let setCookie = try #require(form.headers.first(name: "Set-Cookie"))
            #expect(setCookie.contains("Secure") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
        }
    }

    @Test("a wrong password and an unknown email get the same answer; the password is never logged",
          arguments: TestBackend.available)
    func refusedAlike(backend: TestBackend) async throws {
        let capture = LogCapture()
        try await TestService.with(backend, logger: capture.logger) { service in
            let (account, _) = try await service.makeAccount()
            try await service.makeCustomerUser(account: account)
            let browser = TestBrowser(service)
            _ = try await browser.get("/login")
            let wrong = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "wrong password 1")])
            let unknown = try await browser.post("/login", [("email", "nobody@acme.test"), ("password", "wrong password 2")])
            expectPage(wrong, status: 401, contains: ["The email or password is not right."])
            expectPage(unknown, status: 401, contains: ["The email or password is not right."])
            #expect(wrong.text.replacingOccurrences(of: "jo@acme.test", with: "X")
                == unknown.text.replacingOccurrences(of: "nobody@acme.test", with: "X"))
            #expect(!wrong.text.contains("wrong password 1"), "the password is not sent back")
            let blank = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "")])
            expectPage(blank, status: 422, contains: ["Enter your email and your password."])
            #expect(browser.sessionCookie != nil)
            #expect(try await browser.get("/app").location == "/login", "still not signed in")

            let lines = capture.all
            #expect(lines.contains { $0.contains("web sign-in failed") && $0.contains("jo@acme.test") })
            #expect(lines.contains { $0.contains("web sign-in failed") && $0.contains("nobody@acme.test") })
            #expect(!lines.contains { $0.contains("wrong password") }, "no password in the logs")
        }
    }

    @Test("5 failures in 15 minutes lock the email for 15 minutes by the clock, known or not; then the right password works",
          arguments: TestBackend.available)
    func lockout(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, _) = try await service.makeAccount()
            try await service.makeCustomerUser(account: account)
            let browser = TestBrowser(service)
            _ = try await browser.get("/login")

            // Failures spread over 14 minutes still count together.
            for attempt in 1...4 {
                let answer = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "guess \(attempt)")])
                expectPage(answer, status: 401, contains: ["The email or password is not right."])
                service.clock.advance(by: 3.5 * 60)
            }
            let fifth = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "guess 5")])
            expectPage(fifth, status: 429, contains: ["Too many failed sign-ins for this email."])
            // Locked: even the right password is refused, with the same message.
            let right = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")])
            expectPage(right, status: 429, contains: ["Too many failed sign-ins for this email."])
            #expect(browser.sessionCookie.map { _ in true } == true)
            #expect(try await browser.get("/app").location == "/login")

            // An email nobody has locks the same way (the lock says nothing about who exists).
            for attempt in 1...5 {
                _ = try await browser.post("/login", [("email", "ghost@acme.test"), ("password", "guess \(attempt)")])
            }
            let ghost = try await browser.post("/login", [("email", "ghost@acme.test"), ("password", "guess 6")])
            expectPage(ghost, status: 429, contains: ["Too many failed sign-ins for this email."])

            service.clock.advance(by: 14 * 60)
            let stillLocked = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")])
            #expect(stillLocked.status == 429)
            service.clock.advance(by: 61)
            let open = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")])
            #expect(open.status == 303 && open.location == "/app")
            #expect(try await service.store.loginThrottles.find(email: "jo@acme.test") == nil, "success forgets the failures")
        }
    }

    @Test("failures further apart than the window never lock", arguments: TestBackend.available)
    func slowFailuresDoNotLock(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, _) = try await service.makeAccount()
            try await service.makeCustomerUser(account: account)
            let browser = TestBrowser(service)
            _ = try await browser.get("/login")
            for attempt in 1...8 {
                let answer = try await browser.post("/login", [("email", "jo@acme.test"), ("password", "guess \(attempt)")])
                #expect(answer.status == 401, "attempt \(attempt)")
                service.clock.advance(by: 4 * 60)
            }
            #expect(try await browser.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")]).status == 303)
        }
    }

    @Test("a session ends after 30 idle minutes and 12 hours after sign-in, by the clock", arguments: TestBackend.available)
    func expiry(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, _, browser) = try await service.signedInCustomer()
            // Activity keeps it alive: 25 minutes apart, for almost 12 hours.
            for _ in 0..<28 {
                service.clock.advance(by: 25 * 60)
                #expect(try await browser.get("/app").status == 200)
            }
            service.clock.advance(by: 25 * 60)
            #expect(try await browser.get("/app").location == "/login", "12 hours after sign-in it ends, active or not")

            let (_, _, idle) = try await service.signedInCustomer(name: "Bravo", email: "bo@bravo.test")
            service.clock.advance(by: 29 * 60)
            #expect(try await idle.get("/app").status == 200)
            service.clock.advance(by: 30 * 60)
            #expect(try await idle.get("/app").location == "/login", "30 idle minutes end it")
            #expect(try await service.runtime.count("web_sessions") <= 1, "the expired session is deleted when seen")
        }
    }
}
