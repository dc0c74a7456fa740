import Foundation
import Logging
import PortInCore
import PortInStore

/// Signing in with email and password, with the lockout: `policy.limit` failures within the window
/// lock the email (known or not) for `policy.lockFor`, by the injected clock. The answer never says
/// whether an email has a user, and passwords are never logged.
struct LoginService: Sendable {
    enum Outcome: Sendable {
        case signedIn(User)
        case refused
        case locked
    }

    let store: Store
    let clock: any PortInClock
    let policy: LoginThrottlePolicy
    let logger: Logger

    /// Verified against when no user has the email, so both answers take the same work.
    private static let decoyHash = PasswordHasher().hash("decoy password for unknown emails")

    func attempt(email rawEmail: String, password: String) async throws -> Outcome {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let now = clock.now()
        if let throttle = try await store.loginThrottles.find(email: email), throttle.isLocked(at: now) {
            logger.notice("web sign-in refused: email locked", metadata: ["email": .string(email)])
            return .locked
        }
        let user = try await store.users.find(email: email)
        let verified = PasswordHasher.verify(password, against: user?.passwordHash ?? Self.decoyHash)
        if let user, verified {
            try await store.loginThrottles.clear(email: email)
            try await store.users.recordSuccessfulLogin(id: user.id)
            logger.info("web sign-in", metadata: ["user_id": .string(user.id)])
            return .signedIn(user)
        }
        let throttle = try await store.loginThrottles.recordFailure(email: email, now: now, policy: policy)
        if let user { try await store.users.recordFailedLogin(id: user.id, lockedUntil: throttle.lockedUntil) }
        let locked = throttle.isLocked(at: now)
        logger.notice("web sign-in failed", metadata: ["email": .string(email), "locked": .stringConvertible(locked)])
        return locked ? .locked : .refused
    }
}
