import Foundation
import Testing
@testable import PortInStore

@Suite struct WebSessionStoreTests {
    static let start = Date(timeIntervalSince1970: 1_803_913_200)

    @Test("sessions are found by the hash of their id, touched, and purged when idle or past their end", arguments: TestBackend.available)
    func sessions(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let now = Self.start
            func session(_ id: String, lastSeen: Date, expires: Date) -> WebSession {
                WebSession(id: id, tokenHash: AuthToken.hash("token-" + id), userId: nil, csrfToken: "csrf-" + id, createdAt: now,
                           lastSeenAt: lastSeen, expiresAt: expires)
            }
            try await store.webSessions.create(session("wss_live", lastSeen: now, expires: now.addingTimeInterval(3600)))
            try await store.webSessions.create(session("wss_idle", lastSeen: now.addingTimeInterval(-7200), expires: now.addingTimeInterval(3600)))
            try await store.webSessions.create(session("wss_over", lastSeen: now, expires: now))
            #expect(try await store.webSessions.find(tokenHash: AuthToken.hash("token-wss_live"))?.csrfToken == "csrf-wss_live")
            #expect(try await store.webSessions.find(tokenHash: AuthToken.hash("token-nope")) == nil)
            try await store.webSessions.touch(id: "wss_live", at: now.addingTimeInterval(60))
            #expect(try await store.webSessions.find(tokenHash: AuthToken.hash("token-wss_live"))?.lastSeenAt == now.addingTimeInterval(60))
            #expect(try await store.webSessions.purgeExpired(idleBefore: now.addingTimeInterval(-1800), now: now) == 2)
            #expect(try await runtime.count("web_sessions") == 1)
            try await store.webSessions.delete(id: "wss_live")
            #expect(try await runtime.count("web_sessions") == 0)
        }
    }

    @Test("concurrent failed sign-ins all count, and the limit locks the email", arguments: TestBackend.available)
    func throttleCountsConcurrentFailures(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let policy = LoginThrottlePolicy(limit: 100, window: 900, lockFor: 900)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask { _ = try await store.loginThrottles.recordFailure(email: "Jo@Acme.test", now: Self.start, policy: policy) }
                }
                try await group.waitForAll()
            }
            #expect(try await store.loginThrottles.find(email: "jo@acme.test")?.failures == 12)
            let strict = LoginThrottlePolicy(limit: 13, window: 900, lockFor: 900)
            let locked = try await store.loginThrottles.recordFailure(email: "jo@acme.test", now: Self.start.addingTimeInterval(10), policy: strict)
            #expect(locked.isLocked(at: Self.start.addingTimeInterval(10)))
            #expect(locked.lockedUntil == Self.start.addingTimeInterval(910))
            #expect(!locked.isLocked(at: Self.start.addingTimeInterval(910)))
            try await store.loginThrottles.clear(email: "JO@acme.test")
            #expect(try await store.loginThrottles.find(email: "jo@acme.test") == nil)
        }
    }
}
