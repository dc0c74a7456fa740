import Foundation

/// Browser sessions, found by the hash of the id in the cookie.
public protocol WebSessionRepository: Sendable {
    func create(_ session: WebSession) async throws
    func find(tokenHash: Data) async throws -> WebSession?
    /// Records activity (the idle timeout counts from here).
    func touch(id: String, at: Date) async throws
    func delete(id: String) async throws
    /// Removes sessions idle since before `idleBefore` or past their absolute end at `now`; returns how many.
    @discardableResult
    func purgeExpired(idleBefore: Date, now: Date) async throws -> Int
}

/// Failed sign-ins per email and the lock they lead to.
public protocol LoginThrottleRepository: Sendable {
    func find(email: String) async throws -> LoginThrottle?
    /// Counts a failure at `now` under `policy` (a failure after the window starts a new one) and
    /// locks the email when the count reaches the limit. Concurrent failures all count.
    func recordFailure(email: String, now: Date, policy: LoginThrottlePolicy) async throws -> LoginThrottle
    /// Forgets the failures after a successful sign-in.
    func clear(email: String) async throws
}
