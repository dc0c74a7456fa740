import Foundation
import PortInStore
import Vapor

private struct ActiveSessionKey: StorageKey {
    typealias Value = ActiveSession
}

extension Request {
    /// The page request's live session, set by `WebSessionMiddleware`.
    var webSession: ActiveSession? {
        get { storage[ActiveSessionKey.self] }
        set { storage[ActiveSessionKey.self] = newValue }
    }
}

/// On every page route: finds the session of the cookie, and refuses any POST whose form does not
/// carry that session's CSRF token (403, nothing done). The body is collected here, up to the
/// upload limit, so the check sees multipart forms too.
struct WebSessionMiddleware: AsyncMiddleware {
    static let csrfField = "csrf_token"

    let sessions: WebSessionService
    let maxBodyBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.webSession = try await sessions.current(request)
        if request.method == .POST {
            _ = try await request.body.collect(max: maxBodyBytes).get()
            let submitted = (try? request.content.decode(CSRFForm.self))?.csrf_token
            guard let session = request.webSession, WebSessionService.csrfMatches(submitted, session.session) else {
                request.logger.notice("page form refused: CSRF token missing or not this session's", metadata: ["route": .string(request.routePattern)])
                throw Problem(.forbidden, code: "csrf_refused", title: "This form has expired",
                              detail: "The form was not sent from this session's page (or the session ended). "
                                  + "Nothing was changed: go back, reload the page and try again.")
            }
        }
        return try await next.respond(to: request)
    }
}

/// The one part of every page form the middleware reads.
private struct CSRFForm: Content {
    var csrf_token: String?
}

/// Sends the browser elsewhere (303), thrown from a page handler: e.g. to sign in.
struct PageRedirect: Error, Sendable {
    var location: String

    static let signIn = PageRedirect(location: "/login")

    var response: Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: location)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// A signed-in customer: the user, its account, and the session's CSRF token for forms.
struct CustomerSession: Sendable {
    var user: User
    var account: Account
    var session: ActiveSession
}

extension Request {
    /// The signed-in customer; anonymous visitors are sent to sign in, ops users get 403.
    func customerSession() throws -> CustomerSession {
        guard let active = webSession, let user = active.user else { throw PageRedirect.signIn }
        guard user.role == .customer, let account = active.account else {
            throw Problem(.forbidden, code: "customers_only", title: "For customers only",
                          detail: "These pages show a customer's own requests; porting-team users work from the ops console at /ops.")
        }
        return CustomerSession(user: user, account: account, session: active)
    }

    /// The signed-in porting-team user; anonymous visitors are sent to sign in, customers get 403.
    func opsSession() throws -> (user: User, session: ActiveSession) {
        guard let active = webSession, let user = active.user else { throw PageRedirect.signIn }
        guard user.role == .ops else {
            throw Problem(.forbidden, code: "ops_only", title: "For the porting team only",
                          detail: "The ops console is for the porting team; your requests are at /app.")
        }
        return (user, active)
    }
}
