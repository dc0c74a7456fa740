import ArgumentParser
import Foundation
import PortInServer
import PortInStore

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage people who sign in: the porting team (ops) and customers' users.",
        subcommands: [UsersCreateCommand.self]
    )
}

extension UserRole: ExpressibleByArgument {}

struct UsersCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user and print it as JSON; ops users also get API credentials (shown only now)."
    )

    @Option(help: "ops (the porting team) or customer (a user of one account).")
    var role: UserRole

    @Option(help: "Sign-in email address.")
    var email: String

    @Option(name: .customLong("account-id"), help: "The customer's account (customers only).")
    var accountId: String?

    @Option(help: "Password to set; a random one is generated and printed when left out.")
    var password: String?

    func validate() throws {
        if !email.contains("@") { throw ValidationError("--email must be an email address") }
        if role == .customer && accountId == nil { throw ValidationError("--account-id is required for customer users") }
        if role == .ops && accountId != nil { throw ValidationError("ops users belong to no account; leave out --account-id") }
        if let password, password.count < 12 { throw ValidationError("--password must have at least 12 characters") }
    }

    func run() async throws {
        let configuration = try ServerConfiguration.fromProcess()
        Logging.bootstrap(level: .warning)
        let runtime = try await PortInRuntime.openStore(configuration)
        do {
            if let accountId, try await runtime.store.accounts.find(id: accountId) == nil {
                throw ValidationError("no account \(accountId)")
            }
            let secret = password ?? String(AuthToken.generate().prefix(16))
            let user = try await runtime.store.users.create(accountId: accountId, email: email, role: role,
                                                            passwordHash: PasswordHasher().hash(secret), now: Date())
            let api = role == .ops ? try await runtime.store.users.issueAPICredentials(userId: user.id) : nil
            await runtime.shutdown()
            try JSONOutput.print([
                "user_id": user.id, "email": user.email, "role": user.role.rawValue, "account_id": user.accountId,
                "password": password == nil ? secret : nil, "auth_id": api?.authId, "auth_token": api?.authToken,
            ])
        } catch {
            await runtime.shutdown()
            throw error
        }
    }
}
