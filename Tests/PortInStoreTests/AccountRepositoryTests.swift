import Foundation
import Testing
@testable import PortInStore

@Suite struct AccountRepositoryTests {
    @Test(arguments: TestBackend.available)
    func accountsAuthenticateWithTheTokenShownOnce(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            let created = try await store.accounts.create(name: "Acme", plan: .standard, contactEmails: ["a@acme.test"], now: t0)
            #expect(created.account.authTokenHash == AuthToken.hash(created.authToken))
            #expect(try await store.accounts.authenticate(authId: created.account.authId, token: created.authToken)?.id
                == created.account.id)
            #expect(try await store.accounts.authenticate(authId: created.account.authId, token: "wrong") == nil)
            #expect(try await store.accounts.authenticate(authId: "ACnope", token: created.authToken) == nil)
            let found = try await store.accounts.find(id: created.account.id)
            #expect(found == created.account)
            // The clear token is nowhere in the table.
            let authIds = try await runtime.rawText(column: "auth_id", from: "accounts")
            #expect(!authIds.contains(created.authToken))
        }
    }

    @Test(arguments: TestBackend.available)
    func usersAreUniqueByEmailAndTrackFailures(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let hash = PasswordHasher(iterations: 10).hash("pw")
            let user = try await store.users.create(accountId: account.id, email: "Jane@Acme.test", role: .customer,
                                                    passwordHash: hash, now: t0)
            #expect(user.email == "jane@acme.test")
            #expect(try await store.users.find(email: "JANE@acme.test")?.id == user.id)
            await #expect(throws: StoreError.self) {
                try await store.users.create(accountId: nil, email: "jane@acme.test", role: .ops, passwordHash: hash, now: t0)
            }
            try await store.users.recordFailedLogin(id: user.id, lockedUntil: nil)
            try await store.users.recordFailedLogin(id: user.id, lockedUntil: t0.addingTimeInterval(900))
            let locked = try await store.users.find(id: user.id)
            #expect(locked?.failedLoginCount == 2)
            #expect(locked?.lockedUntil == t0.addingTimeInterval(900))
            try await store.users.recordSuccessfulLogin(id: user.id)
            let cleared = try await store.users.find(id: user.id)
            #expect(cleared?.failedLoginCount == 0)
            #expect(cleared?.lockedUntil == nil)
        }
    }
}
