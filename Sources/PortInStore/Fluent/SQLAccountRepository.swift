import FluentKit
import Foundation
import SQLKit

struct AccountRow: Codable, Sendable {
    var id: String
    var name: String
    var plan: String
    var authId: String
    var authTokenHash: Data
    var contactEmails: String
    var createdAt: Date

    func record() throws -> Account {
        Account(id: id, name: name, plan: AccountPlan(rawValue: plan) ?? .trial, authId: authId, authTokenHash: authTokenHash,
                contactEmails: try StoreJSON.decode([String].self, from: contactEmails), createdAt: createdAt)
    }
}

struct SQLAccountRepository: AccountRepository {
    let context: SQLStoreContext

    func create(name: String, plan: AccountPlan, contactEmails: [String], now: Date) async throws -> CreatedAccount {
        let token = AuthToken.generate()
        let row = AccountRow(id: StoreID.make("acc", at: now), name: name, plan: plan.rawValue, authId: AuthToken.generateAuthId(),
                             authTokenHash: AuthToken.hash(token), contactEmails: try StoreJSON.encode(contactEmails),
                             createdAt: now.storeRounded)
        try await context.sql.insert(into: "accounts").model(row, with: rowEncoder).run()
        return CreatedAccount(account: try row.record(), authToken: token)
    }

    func find(id: String) async throws -> Account? {
        let read = { try await context.sql.select().column("*").from("accounts").where("id", .equal, id)
            .first(decoding: AccountRow.self, with: rowDecoder)?.record() }
        guard let writeBehind = context.writeBehind else { return try await read() }
        return try await writeBehind.account(id: id, read: read)
    }

    func authenticate(authId: String, token: String) async throws -> Account? {
        guard let account = try await context.sql.select().column("*").from("accounts").where("auth_id", .equal, authId)
            .first(decoding: AccountRow.self, with: rowDecoder)?.record()
        else {
            // Same hashing work whether or not the id exists.
            _ = AuthToken.matches(token, storedHash: Data(count: 32))
            return nil
        }
        return AuthToken.matches(token, storedHash: account.authTokenHash) ? account : nil
    }

    func list(page: PageRequest) async throws -> Page<Account> {
        let rows = try await context.sql.select().column("*").from("accounts").page(after: page.cursor, limit: page.limit)
            .all(decoding: AccountRow.self, with: rowDecoder).map { try $0.record() }
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.id) }
    }

    func search(name text: String, limit: Int) async throws -> [Account] {
        // LIKE's wildcards in the text are matched literally; lower() on both sides is case-insensitive on both backends.
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let contains: SQLQueryString = "lower(\(ident: "name")) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
        return try await context.sql.select().column("*").from("accounts").where(contains).orderBy("name").orderBy("id")
            .limit(max(1, min(limit, 200))).all(decoding: AccountRow.self, with: rowDecoder).map { try $0.record() }
    }
}

struct UserRow: Codable, Sendable {
    var id: String
    var accountId: String?
    var email: String
    var role: String
    var passwordHash: String
    var failedLoginCount: Int
    var lockedUntil: Date?
    var createdAt: Date
    var apiAuthId: String?
    var apiTokenHash: Data?

    var record: User {
        User(id: id, accountId: accountId, email: email, role: UserRole(rawValue: role) ?? .customer, passwordHash: passwordHash,
             failedLoginCount: failedLoginCount, lockedUntil: lockedUntil, createdAt: createdAt)
    }
}

struct SQLUserRepository: UserRepository {
    let context: SQLStoreContext

    func create(accountId: String?, email: String, role: UserRole, passwordHash: String, now: Date) async throws -> User {
        let row = UserRow(id: StoreID.make("usr", at: now), accountId: accountId, email: email.lowercased(), role: role.rawValue,
                          passwordHash: passwordHash, failedLoginCount: 0, lockedUntil: nil, createdAt: now.storeRounded,
                          apiAuthId: nil, apiTokenHash: nil)
        do {
            try await context.sql.insert(into: "users").model(row, with: rowEncoder).run()
        } catch let error where isConstraintViolation(error) {
            throw StoreError.conflict("a user with this email exists")
        }
        return row.record
    }

    func find(email: String) async throws -> User? {
        try await context.sql.select().column("*").from("users").where("email", .equal, email.lowercased())
            .first(decoding: UserRow.self, with: rowDecoder)?.record
    }

    func find(id: String) async throws -> User? {
        try await context.sql.select().column("*").from("users").where("id", .equal, id)
            .first(decoding: UserRow.self, with: rowDecoder)?.record
    }

    func recordFailedLogin(id: String, lockedUntil: Date?) async throws {
        let update = context.sql.update("users")
            .set("failed_login_count", to: SQLRaw("failed_login_count + 1"))
            .where("id", .equal, id)
        if let lockedUntil { update.set("locked_until", to: lockedUntil.storeRounded) }
        try await update.run()
    }

    func recordSuccessfulLogin(id: String) async throws {
        try await context.sql.update("users").set("failed_login_count", to: 0).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }

    func issueAPICredentials(userId: String) async throws -> APICredentials {
        let token = AuthToken.generate()
        let authId = "OP" + AuthToken.generateAuthId().dropFirst(2)
        try await context.sql.update("users").set("api_auth_id", to: authId).set("api_token_hash", to: AuthToken.hash(token))
            .where("id", .equal, userId).run()
        return APICredentials(authId: authId, authToken: token)
    }

    func authenticateAPI(authId: String, token: String) async throws -> User? {
        guard let row = try await context.sql.select().column("*").from("users").where("api_auth_id", .equal, authId)
            .first(decoding: UserRow.self, with: rowDecoder), let stored = row.apiTokenHash
        else {
            _ = AuthToken.matches(token, storedHash: Data(count: 32))
            return nil
        }
        return AuthToken.matches(token, storedHash: stored) ? row.record : nil
    }
}
