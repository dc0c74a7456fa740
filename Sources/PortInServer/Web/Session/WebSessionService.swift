import Crypto
import Foundation
import PortInCore
import PortInStore
import Vapor

/// Who a page request comes from: a session, and the user signed in to it (nil before sign-in).
struct ActiveSession: Sendable {
    var session: WebSession
    var user: User?
    /// The customer's account (customers only).
    var account: Account?

    var csrfToken: String { session.csrfToken }
}

/// Creates, finds and ends browser sessions. The cookie holds 256 random bits; the database only
/// their SHA-256. Expiry is decided by the injected clock: idle and absolute.
struct WebSessionService: Sendable {
    static let cookieName = "portin_session"
    /// Activity is written at most this often (every page view would otherwise be a write).
    static let touchInterval: TimeInterval = 60

    let store: Store
    let clock: any PortInClock
    let settings: WebSettings

    /// The live session the request's cookie names, with its user; nil when there is none or it
    /// expired (an expired one is deleted).
    func current(_ request: Request) async throws -> ActiveSession? {
        guard let token = request.cookies[Self.cookieName]?.string, !token.isEmpty, token.count <= 128 else { return nil }
        guard let session = try await store.webSessions.find(tokenHash: AuthToken.hash(token)) else { return nil }
        let now = clock.now()
        if session.expiresAt <= now || session.lastSeenAt.addingTimeInterval(settings.idleTimeout) <= now {
            try await store.webSessions.delete(id: session.id)
            return nil
        }
        var user: User?
        var account: Account?
        if let userId = session.userId {
            guard let found = try await store.users.find(id: userId) else { return nil }
            user = found
            if found.role == .customer, let accountId = found.accountId {
                account = try await store.accounts.find(id: accountId)
            }
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            try await store.webSessions.touch(id: session.id, at: now)
        }
        return ActiveSession(session: session, user: user, account: account)
    }

    /// A new session (for `userId`, or anonymous for the sign-in form); returns the cookie token,
    /// which exists nowhere else.
    func start(userId: String?) async throws -> (token: String, session: WebSession) {
        let now = clock.now()
        let token = AuthToken.generate()
        let session = WebSession(id: StoreID.make("wss", at: now), tokenHash: AuthToken.hash(token), userId: userId,
                                 csrfToken: AuthToken.generate(), createdAt: now, lastSeenAt: now,
                                 expiresAt: now.addingTimeInterval(settings.absoluteTimeout))
        try await store.webSessions.create(session)
        return (token, session)
    }

    /// Signs `user` in: the old session (if any) ends and a new id is issued, so an id planted
    /// before sign-in is worth nothing after it.
    func signIn(_ user: User, replacing old: WebSession?) async throws -> (token: String, session: WebSession) {
        if let old { try await store.webSessions.delete(id: old.id) }
        let now = clock.now()
        try await store.webSessions.purgeExpired(idleBefore: now.addingTimeInterval(-settings.idleTimeout), now: now)
        return try await start(userId: user.id)
    }

    func end(_ session: WebSession) async throws {
        try await store.webSessions.delete(id: session.id)
    }

    func cookie(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    /// Tells the browser to forget the cookie.
    var clearedCookie: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: settings.secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }

    /// Constant-time comparison of a submitted CSRF token with the session's.
    static func csrfMatches(_ submitted: String?, _ session: WebSession) -> Bool {
        guard let submitted, !submitted.isEmpty else { return false }
        let a = Data(SHA256.hash(data: Data(submitted.utf8)))
        let b = Data(SHA256.hash(data: Data(session.csrfToken.utf8)))
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
