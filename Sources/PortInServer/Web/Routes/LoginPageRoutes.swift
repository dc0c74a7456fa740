import PortInStore
import Vapor

/// Sign-in and sign-out. The sign-in form has its own anonymous session, so its CSRF token is
/// checked like every other form's; signing in replaces that session with a new id.
struct LoginPageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        pages.get(use: root)
        pages.get("login", use: form)
        pages.post("login", use: signIn)
        pages.post("logout", use: signOut)
    }

    static func home(_ user: User) -> String { user.role == .ops ? "/ops" : "/app" }

    func root(_ request: Request) async throws -> Response {
        HTMLPage.redirect(request.webSession?.user.map(Self.home) ?? "/login")
    }

    func form(_ request: Request) async throws -> Response {
        if let user = request.webSession?.user { return HTMLPage.redirect(Self.home(user)) }
        let message: LoginPage.Message? = request.query[String.self, at: "signed_out"] == nil ? nil : .signedOut
        if let active = request.webSession {
            return HTMLPage.response(LoginPage(email: "", message: message, csrfToken: active.csrfToken).render())
        }
        let started = try await context.sessions.start(userId: nil)
        let response = HTMLPage.response(LoginPage(email: "", message: message, csrfToken: started.session.csrfToken).render())
        response.cookies[WebSessionService.cookieName] = context.sessions.cookie(started.token)
        return response
    }

    func signIn(_ request: Request) async throws -> Response {
        // The middleware let this POST through only with the CSRF token of a live session.
        guard let active = request.webSession else { throw PageRedirect.signIn }
        let fields = FormBody.fields(request)
        let email = (fields["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = fields["password"] ?? ""
        func again(_ message: LoginPage.Message, _ status: HTTPResponseStatus) -> Response {
            HTMLPage.response(LoginPage(email: String(email.prefix(254)), message: message, csrfToken: active.csrfToken).render(),
                              status: status)
        }
        guard !email.isEmpty, !password.isEmpty else { return again(.missing, .unprocessableEntity) }
        switch try await context.logins(logger: request.logger).attempt(email: String(email.prefix(254)), password: String(password.prefix(1024))) {
        case .signedIn(let user):
            let (token, _) = try await context.sessions.signIn(user, replacing: active.session)
            let response = HTMLPage.redirect(Self.home(user))
            response.cookies[WebSessionService.cookieName] = context.sessions.cookie(token)
            return response
        case .refused:
            return again(.refused, .unauthorized)
        case .locked:
            return again(.locked, .tooManyRequests)
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        if let active = request.webSession { try await context.sessions.end(active.session) }
        let response = HTMLPage.redirect("/login?signed_out=1")
        response.cookies[WebSessionService.cookieName] = context.sessions.clearedCookie
        return response
    }
}
