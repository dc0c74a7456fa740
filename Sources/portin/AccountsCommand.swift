import ArgumentParser
import Foundation
import PortInServer
import PortInStore

struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Manage customer accounts.",
        subcommands: [AccountsCreateCommand.self]
    )
}

extension AccountPlan: ExpressibleByArgument {}

struct AccountsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account and print its API credentials as JSON (the token is shown only now)."
    )

    @Option(help: "The account's name.")
    var name: String

    @Option(help: "trial or standard (only standard accounts can port numbers).")
    var plan: AccountPlan

    @Option(name: .customLong("contact-email"), help: "An address for port notifications (repeatable).")
    var contactEmails: [String] = []

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
        for email in contactEmails where !email.contains("@") { throw ValidationError("--contact-email \(email) is not an email address") }
    }

    func run() async throws {
        let configuration = try ServerConfiguration.fromProcess()
        Logging.bootstrap(level: .warning)
        let runtime = try await PortInRuntime.openStore(configuration)
        let created: CreatedAccount
        do {
            created = try await runtime.store.accounts.create(name: name.trimmingCharacters(in: .whitespaces), plan: plan,
                                                              contactEmails: contactEmails, now: Date())
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
        try JSONOutput.print([
            "account_id": created.account.id, "name": created.account.name, "plan": created.account.plan.rawValue,
            "auth_id": created.account.authId, "auth_token": created.authToken,
        ])
    }
}

enum JSONOutput {
    /// One JSON object on standard output, keys sorted.
    static func print(_ object: [String: String?]) throws {
        let data = try JSONSerialization.data(withJSONObject: object.compactMapValues { $0 }, options: [.sortedKeys])
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
