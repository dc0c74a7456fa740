import PortInStore
import Vapor

/// Who is calling: a customer account (its API credentials) or a porting-team user.
enum Principal: Sendable {
    case account(Account)
    case ops(User)

    /// Idempotency keys are scoped per caller.
    var scope: String {
        switch self {
        case .account(let account): account.id
        case .ops(let user): "ops:" + user.id
        }
    }
}

private struct PrincipalKey: StorageKey {
    typealias Value = Principal
}

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The calling customer account; ops credentials are refused on customer routes.
    func account() throws -> Account {
        switch principal {
        case .account(let account)?: return account
        case .ops?:
            throw Problem(.forbidden, code: "customer_credentials_required", title: "Customer credentials required",
                          detail: "Ops users act on accounts through the /v1/ops/ routes.")
        case nil: throw Problem.unauthorized
        }
    }

    /// The calling ops user; customers get 403.
    func opsUser() throws -> User {
        switch principal {
        case .ops(let user)?: return user
        case .account?:
            throw Problem(.forbidden, code: "ops_only", title: "For the porting team only",
                          detail: "These routes need porting-team credentials.")
        case nil: throw Problem.unauthorized
        }
    }
}

/// HTTP Basic with `auth_id` / `auth_token`. Account ids start `AC`, ops users' `OP`. Successful
/// lookups are cached briefly (keyed by id and the token's hash, never the token) so that a busy
/// client does not cost a database read per call.
struct BasicAuthMiddleware: AsyncMiddleware {
    let store: Store
    let cache: CredentialCache

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let basic = request.headers.basicAuthorization, !basic.username.isEmpty, !basic.password.isEmpty else {
            throw Problem.unauthorized
        }
        let tokenHash = AuthToken.hash(basic.password)
        if let cached = cache.lookup(authId: basic.username, tokenHash: tokenHash) {
            request.principal = cached
        } else {
            let principal: Principal?
            if basic.username.hasPrefix("OP") {
                principal = try await store.users.authenticateAPI(authId: basic.username, token: basic.password)
                    .flatMap { $0.role == .ops ? .ops($0) : nil }
            } else {
                principal = try await store.accounts.authenticate(authId: basic.username, token: basic.password).map { .account($0) }
            }
            guard let principal else { throw Problem.unauthorized }
            cache.store(principal, authId: basic.username, tokenHash: tokenHash)
            request.principal = principal
        }
        return try await next.respond(to: request)
    }
}
