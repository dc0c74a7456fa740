import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import PortInServer
import PortInStore
import Synchronization
import Testing

/// A browser without JavaScript over real HTTP: keeps the session cookie, reads the CSRF token of
/// the last page it saw, posts forms (URL-encoded or multipart) and does not follow redirects.
final class TestBrowser: Sendable {
    let service: TestService
    /// Sent with every request, as a browser does (the LOA evidence records it).
    static let userAgent = "PortIn-TestBrowser/1.0"
    private let state = Mutex<(cookie: String?, csrf: String?)>((nil, nil))

    init(_ service: TestService) {
        self.service = service
    }

    /// The session cookie's value as the browser holds it.
    var sessionCookie: String? { state.withLock { $0.cookie } }
    /// The CSRF token of the last page seen.
    var csrfToken: String? { state.withLock { $0.csrf } }

    func setCookie(_ value: String?) { state.withLock { $0.cookie = value } }

    func get(_ path: String) async throws -> TestResponse {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    /// Posts `fields` URL-encoded, with the page's CSRF token unless `csrf` says otherwise.
    func post(_ path: String, _ fields: [(String, String)], csrf: CSRF = .page) async throws -> TestResponse {
        var all = fields
        if let token = token(csrf) { all.append((WebSessionMiddleware.csrfField, token)) }
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(.POST, path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with one file part.
    func postMultipart(_ path: String, _ fields: [(String, String)], file: (filename: String, data: Data)?, csrf: CSRF = .page)
        async throws -> TestResponse {
        var all = fields
        if let token = token(csrf) { all.append((WebSessionMiddleware.csrfField, token)) }
        let form = TestService.multipart(fields: all, file: file.map { (name: "file", filename: $0.filename, data: $0.data) })
        return try await send(.POST, path, body: form.body, contentType: form.contentType)
    }

    /// Which CSRF token a form carries.
    enum CSRF {
        /// The one on the last page seen.
        case page
        case none
        case value(String)
    }

    private func token(_ csrf: CSRF) -> String? {
        switch csrf {
        case .page: csrfToken
        case .none: nil
        case .value(let value): value
        }
    }

    /// Opens the sign-in page and signs in; returns the answer to the POST.
    @discardableResult
    func signIn(_ email: String, _ password: String) async throws -> TestResponse {
        let form = try await get("/login")
        guard form.status == 200 else { throw HarnessError("GET /login: \(form.status)") }
        return try await post("/login", [("email", email), ("password", password)])
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Data?, contentType: String?) async throws -> TestResponse {
        var request = HTTPClientRequest(url: service.baseURL + path)
        request.method = method
        request.headers.add(name: "User-Agent", value: TestBrowser.userAgent)
        if let cookie = sessionCookie { request.headers.add(name: "Cookie", value: WebSessionService.cookieName + "=" + cookie) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/octet-stream")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await service.pageClient.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        let result = TestResponse(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
        state.withLock { state in
            for header in response.headers["Set-Cookie"] where header.hasPrefix(WebSessionService.cookieName + "=") {
                let value = header.dropFirst(WebSessionService.cookieName.count + 1).prefix { $0 != ";" }
                state.cookie = value.isEmpty ? nil : String(value)
            }
            if let token = Self.csrf(in: result.text) { state.csrf = token }
        }
        return result
    }

    /// The `csrf_token` hidden input's value in `html`.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension TestService {
    /// A customer user of `account` who signs in with `password` (hashed with few rounds: tests only).
    @discardableResult
    func makeCustomerUser(account: Account, email: String = "jo@acme.test", password: String = "correct horse battery") async throws
        -> User {
        try await store.users.create(accountId: account.id, email: email, role: .customer,
                                     passwordHash: PasswordHasher(iterations: 1000).hash(password), now: clock.now())
    }

    /// A porting-team user who signs in with `password`.
    @discardableResult
    func makeOpsUser(email: String = "ops-web@portin.test", password: String = "correct horse battery") async throws -> User {
        try await store.users.create(accountId: nil, email: email, role: .ops,
                                     passwordHash: PasswordHasher(iterations: 1000).hash(password), now: clock.now())
    }

    /// A new account with a signed-in customer browser.
    func signedInCustomer(name: String = "Acme Widgets", email: String = "jo@acme.test") async throws
        -> (account: Account, auth: Credentials, browser: TestBrowser) {
        let (account, auth) = try await makeAccount(name: name)
        try await makeCustomerUser(account: account, email: email)
        let browser = TestBrowser(self)
        let answer = try await browser.signIn(email, "correct horse battery")
        guard answer.status == 303 else { throw HarnessError("sign-in of \(email): \(answer.status) \(answer.text)") }
        return (account, auth, browser)
    }
}

extension TestResponse {
    var location: String? { headers.first(name: "Location") }
    var isHTML: Bool { contentType?.hasPrefix("text/html") == true }
}

/// Checks that `response` is an HTML page with `status` (a refusal page, not problem+json).
func expectPage(_ response: TestResponse, status: Int, contains texts: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == status, "\(response.text.prefix(2000))", sourceLocation: sourceLocation)
    #expect(response.isHTML, "content type \(response.contentType ?? "none")", sourceLocation: sourceLocation)
    for text in texts {
        #expect(response.text.contains(text), "missing \(text)", sourceLocation: sourceLocation)
    }
}
