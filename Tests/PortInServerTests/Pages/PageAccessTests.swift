import Foundation
import NIOHTTP1
import PortInStore
import Testing
@testable import PortInServer

/// The page routes' own access rules, in place of the API's access matrix (which leaves them out by
/// `PageRoutes.prefixes`): who may see each page, CSRF on every form, and 404 for other accounts.
@Suite("Page access")
struct PageAccessTests {
    /// Every page route and what it is for. A page route added without an entry here fails the test.
    static let pageRoutes: Set<String> = [
        "GET /", "GET /login", "POST /login", "POST /logout", "GET /assets/:name", "GET /ops",
        "GET /app", "GET /app/requests/:id", "POST /app/requests/:id/fields", "POST /app/requests/:id/documents",
        "POST /app/requests/:id/submit", "POST /app/requests/:id/cancel", "POST /app/requests/:id/comments",
        "GET /app/requests/:id/documents/:document_id", "GET /app/numbers", "POST /app/numbers/:e164/application",
        "POST /app/applications",
        // The "Port numbers" wizard and the signing-link pages (WizardPageRoutes, SigningPageRoutes).
        "GET /app/port", "POST /app/port/numbers", "POST /app/port/drafts", "GET /app/port/:group", "POST /app/port/:group/details",
        "GET /app/port/:group/requests/:id/loa", "GET /app/port/:group/requests/:id/sign", "POST /app/port/:group/requests/:id/sign",
        "POST /app/port/:group/requests/:id/signing-link", "POST /app/port/:group/requests/:id/invoice", "POST /app/port/:group/submit",
        "GET /sign/:token", "GET /sign/:token/loa", "POST /sign/:token",
        // The ops console.
        "GET /ops/carriers", "POST /ops/jobs/:job_id/retry", "GET /ops/requests/:id", "GET /ops/requests/:id/documents/:document_id",
        "POST /ops/requests/:id/comments", "POST /ops/requests/:id/notes", "POST /ops/requests/:id/document-requests",
        "POST /ops/requests/:id/rejections", "POST /ops/requests/:id/transitions", "POST /ops/requests/:id/cancel",
        // Per-country LOA templates (OpsTemplatePageRoutes) and the wizard's LOA fields.
        "GET /ops/loa-templates", "POST /ops/loa-templates", "POST /ops/loa-templates/:country/remove",
        "GET /ops/loa-templates/:country/preview", "POST /app/port/:group/requests/:id/loa-fields",
    ]

    @Test("every route is either in the API contract or a page route, and the page routes are the known ones",
          arguments: TestBackend.available)
    func routeSplit(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let pages = service.registeredRoutes.filter { PageRoutes.isPagePath($0.path) }
            #expect(Set(pages.map(\.description)) == Self.pageRoutes)
            // No API route falls under a page prefix by accident.
            let spec = try APIContractTests.specOperations()
            for route in service.registeredRoutes where spec.contains("\(route.method) \(route.openAPIPath)") {
                #expect(!PageRoutes.isPagePath(route.path), "\(route) is an API operation under a page prefix")
            }
        }
    }

    @Test("anonymous visitors are sent to sign in; ops users get 403 on customer pages and customers on /ops",
          arguments: TestBackend.available)
    func roles(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth, customer) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            try await service.store.numbers.provision(accountId: account.id, numbers: ["+13122240150"], portRequestId: id, focDate: nil,
                                                      now: service.clock.now())
            try await service.makeOpsUser()
            let ops = TestBrowser(service)
            #expect(try await ops.signIn("ops-web@portin.test", "correct horse battery").status == 303)

            let customerPages = ["/app", "/app/requests/\(id)", "/app/numbers", "/app/port"]
            for path in customerPages {
                let anonymous = try await TestBrowser(service).get(path)
                #expect(anonymous.status == 303 && anonymous.location == "/login", "\(path)")
                expectPage(try await ops.get(path), status: 403, contains: ["For customers only"])
                #expect(try await customer.get(path).status == 200, "\(path)")
            }
            expectPage(try await customer.get("/ops"), status: 403, contains: ["For the porting team only"])
            #expect(try await TestBrowser(service).get("/ops").location == "/login")
            // An ops user's form posts are refused on customer routes too (after its own CSRF check).
            let post = try await ops.post("/app/requests/\(id)/comments", [("body", "from ops")])
            expectPage(post, status: 403, contains: ["For customers only"])
            #expect(try await service.runtime.count("comments") == 0)
            // API credentials do not open pages, and a session does not open the API.
            // (This client follows the redirect to the sign-in page.)
            #expect(try await service.send(.GET, "/app", auth: auth).text.contains("Sign in to PortIn"))
            let api = try await service.send(.GET, "/v1/port-requests", headers: [("Cookie", "portin_session=\(customer.sessionCookie ?? "")")])
            expectProblem(api, status: 401, code: "unauthorized")
        }
    }

    @Test("another account's request, document and number are 404 pages, worded as for ids that do not exist",
          arguments: TestBackend.available)
    func crossAccount(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (accountA, authA, browserA) = try await service.signedInCustomer()
            let (_, _, browserB) = try await service.signedInCustomer(name: "Bravo Bakery", email: "bo@bravo.test")
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: authA, numbers: ["+12175220142"])
            let uploaded = try await service.upload(id, auth: authA, fields: [("kind", "other")], file: ("a.pdf", SampleFiles.pdf()))
            let document = try #require(uploaded.json["id"] as? String)
            try await service.store.numbers.provision(accountId: accountA.id, numbers: ["+13122240150"], portRequestId: id, focDate: nil,
                                                      now: service.clock.now())
            #expect(try await browserA.get("/app/requests/\(id)").status == 200)
            #expect(try await browserA.get("/app/requests/\(id)/documents/\(document)").status == 200)

            let theirs = try await browserB.get("/app/requests/\(id)")
            let none = try await browserB.get("/app/requests/pr_00000000000000000000000000")
            expectPage(theirs, status: 404, contains: ["Page not found"])
            expectPage(none, status: 404)
            #expect(theirs.text == none.text, "the same page whether the request is another account's or does not exist")
            #expect(!theirs.text.contains(id) && !theirs.text.contains("Acme"))
            expectPage(try await browserB.get("/app/requests/\(id)/documents/\(document)"), status: 404)

            // Forms naming A's request or number change nothing.
            _ = try await browserB.get("/app")
            let posts: [(String, [(String, String)])] = [
                ("/app/requests/\(id)/comments", [("body", "intruder")]),
                ("/app/requests/\(id)/fields", [("business_name", "intruder")]),
                ("/app/requests/\(id)/submit", []),
                ("/app/requests/\(id)/cancel", [("reason", "intruder")]),
                ("/app/numbers/%2B13122240150/application", [("application_id", "")]),
            ]
            for (path, fields) in posts {
                expectPage(try await browserB.post(path, fields), status: 404, contains: ["Page not found"])
            }
            let upload = try await browserB.postMultipart("/app/requests/\(id)/documents", [("kind", "other")],
                                                          file: ("intruder.pdf", SampleFiles.pdf("intruder")))
            expectPage(upload, status: 404)
            #expect(!(try await service.runtime.textDump()).contains("intruder"))
            #expect(try await service.runtime.count("documents") == 1)
            #expect(try await service.store.portRequests.find(id: id, accountId: accountA.id)?.status == .draft)
        }
    }

    @Test("a form without the session's CSRF token is refused with a 403 page and changes nothing: none, wrong, another session's",
          arguments: TestBackend.available)
    func csrf(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            let (_, _, other) = try await service.signedInCustomer(name: "Bravo Bakery", email: "bo@bravo.test")
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            _ = try await browser.get("/app/requests/\(id)")
            _ = try await other.get("/app")
            let mine = try #require(browser.csrfToken)
            let theirs = try #require(other.csrfToken)
            #expect(mine != theirs)

            for csrf in [TestBrowser.CSRF.none, .value("forged-token"), .value(theirs), .value("")] {
                let comment = try await browser.post("/app/requests/\(id)/comments", [("body", "sneaky")], csrf: csrf)
                expectPage(comment, status: 403, contains: ["This form has expired", "Nothing was changed"])
                let fix = try await browser.post("/app/requests/\(id)/fields", [("business_name", "Sneaky LLC")], csrf: csrf)
                expectPage(fix, status: 403)
                let upload = try await browser.postMultipart("/app/requests/\(id)/documents", [("kind", "other")],
                                                             file: ("sneaky.pdf", SampleFiles.pdf("sneaky")), csrf: csrf)
                expectPage(upload, status: 403)
                let logout = try await browser.post("/logout", [], csrf: csrf)
                expectPage(logout, status: 403)
            }
            #expect(try await service.runtime.count("comments") == 0)
            #expect(try await service.runtime.count("documents") == 0)
            #expect(!(try await service.runtime.textDump()).contains("Sneaky"))
            #expect(try await browser.get("/app").status == 200, "still signed in")

            // With its own token the same form works.
            let posted = try await browser.post("/app/requests/\(id)/comments", [("body", "hello from the page")], csrf: .value(mine))
            #expect(posted.status == 303)
            #expect(try await service.runtime.count("comments") == 1)

            // The sign-in form is protected too: no token, or a token of no session.
            let fresh = TestBrowser(service)
            _ = try await fresh.get("/login")
            expectPage(try await fresh.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")], csrf: .none),
                       status: 403)
            let cookieless = TestBrowser(service)
            expectPage(try await cookieless.post("/login", [("email", "jo@acme.test"), ("password", "correct horse battery")],
                                                 csrf: .value(try #require(fresh.csrfToken))), status: 403)
        }
    }

    @Test("every POST page route refuses a form without a CSRF token", arguments: TestBackend.available)
    func everyPostNeedsCSRF(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let posts = service.registeredRoutes.filter { $0.method == "POST" && PageRoutes.isPagePath($0.path) }
            #expect(posts.count >= 9)
            for route in posts {
                let path = route.path.replacingOccurrences(of: ":id", with: id).replacingOccurrences(of: ":e164", with: "%2B13122240150")
                expectPage(try await browser.post(path, [("body", "x"), ("name", "x")], csrf: .none), status: 403, contains: ["This form has expired"])
            }
            #expect(try await service.runtime.count("comments") == 0)
            #expect(try await service.runtime.count("applications") == 0)
        }
    }

    @Test("static assets are ours, with a long cache for the versioned URL and 304 on a match", arguments: TestBackend.available)
    func assets(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let page = try await TestBrowser(service).get("/login")
            let href = try #require(page.text.range(of: "href=\"/assets/portin.css?v=").map { range in
                "/assets/portin.css?v=" + page.text[range.upperBound...].prefix { $0 != "\"" }
            })
            let css = try await TestBrowser(service).get(href)
            #expect(css.status == 200)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(css.headers.first(name: "Cache-Control") == "public, max-age=31536000, immutable")
            #expect(css.text.contains(":focus-visible"))
            let etag = try #require(css.headers.first(name: "ETag"))
            let cached = try await service.send(.GET, href, headers: [("If-None-Match", etag)])
            #expect(cached.status == 304)
            let unversioned = try await TestBrowser(service).get("/assets/portin.css")
            #expect(unversioned.headers.first(name: "Cache-Control") == "public, max-age=300")
            expectPage(try await TestBrowser(service).get("/assets/..%2Fopenapi.yaml"), status: 404)
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.headers.first(name: "Cache-Control") == "no-store")
        }
    }
}
