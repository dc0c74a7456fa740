import Foundation
import Testing

/// `portin migrate`, `accounts create`, `users create` and `serve` as a newcomer runs them: each in
/// a fresh data directory (SQLite), from a directory without a `.env`.
@Suite("Service commands")
struct CLIServiceAdminTests {
    let directory: URL
    var environment: [String: String] { ["PORTIN_DATA_DIR": directory.appendingPathComponent("data").path, "DATABASE_URL": ""] }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func json(_ text: String) -> [String: String] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String]) ?? [:]
    }

    @Test("migrate creates the data directory, the database and a private PIN key, and is idempotent")
    func migrate() async throws {
        let first = try await CLI.run(["migrate"], environment: environment, directory: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let names = first.stdout.split(separator: "\n").map(String.init)
        #expect(names.first == "M0001_CreateAccounts")
        #expect(names.count >= 9)
        let data = directory.appendingPathComponent("data")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("portin.sqlite").path))
        let key = data.appendingPathComponent("pin.key").path
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let keyText = try String(contentsOfFile: key, encoding: .utf8)
        let second = try await CLI.run(["migrate"], environment: environment, directory: directory)
        #expect(second.stdout == first.stdout)
        #expect(try String(contentsOfFile: key, encoding: .utf8) == keyText)
    }

    @Test("accounts create prints fresh credentials as JSON; a bad plan is refused naming the option")
    func accountsCreate() async throws {
        let result = try await CLI.run(["accounts", "create", "--name", "Acme", "--plan", "standard", "--contact-email", "noc@acme.test"],
                                 environment: environment, directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let account = json(result.stdout)
        #expect(account["plan"] == "standard")
        #expect(account["name"] == "Acme")
        #expect(account["auth_id"]?.hasPrefix("AC") == true)
        #expect(account["auth_token"]?.count == 43)
        let other = json(try await CLI.run(["accounts", "create", "--name", "Beta", "--plan", "trial"], environment: environment,
                                     directory: directory).stdout)
        #expect(other["auth_id"] != account["auth_id"])
        #expect(other["plan"] == "trial")

        let bad = try await CLI.run(["accounts", "create", "--name", "X", "--plan", "gold"], environment: environment, directory: directory)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("plan"))
    }

    @Test("users create: ops users get API credentials; customers need an existing account; emails are unique")
    func usersCreate() async throws {
        let ops = try await CLI.run(["users", "create", "--role", "ops", "--email", "ops@portin.test"], environment: environment,
                              directory: directory)
        #expect(ops.status == 0, "\(ops.stderr)")
        let opsUser = json(ops.stdout)
        #expect(opsUser["role"] == "ops")
        #expect(opsUser["auth_id"]?.hasPrefix("OP") == true)
        #expect((opsUser["password"]?.count ?? 0) >= 12)

        let noAccount = try await CLI.run(["users", "create", "--role", "customer", "--email", "jo@acme.test"], environment: environment,
                                    directory: directory)
        #expect(noAccount.status != 0)
        #expect(noAccount.stderr.contains("--account-id"))
        let missing = try await CLI.run(["users", "create", "--role", "customer", "--email", "jo@acme.test", "--account-id", "acc_nope"],
                                  environment: environment, directory: directory)
        #expect(missing.status != 0)

        let account = json(try await CLI.run(["accounts", "create", "--name", "Acme", "--plan", "standard"], environment: environment,
                                       directory: directory).stdout)
        let customer = try await CLI.run(["users", "create", "--role", "customer", "--email", "Jo@Acme.test", "--account-id",
                                    account["account_id"] ?? "", "--password", "correct horse battery"],
                                   environment: environment, directory: directory)
        #expect(customer.status == 0, "\(customer.stderr)")
        #expect(json(customer.stdout)["email"] == "jo@acme.test")
        #expect(json(customer.stdout)["password"] == nil)
        #expect(json(customer.stdout)["auth_id"] == nil)

        let duplicate = try await CLI.run(["users", "create", "--role", "ops", "--email", "OPS@portin.test"], environment: environment,
                                    directory: directory)
        #expect(duplicate.status != 0)
    }

    @Test("serve: demo credentials printed with a curl line, CLI-made credentials work, a restart keeps the data")
    func serveKeepsDataAcrossRestarts() async throws {
        var env = environment
        env["PORTIN_PORT"] = "0"
        let account = json(try await CLI.run(["accounts", "create", "--name", "Acme", "--plan", "standard"], environment: environment,
                                       directory: directory).stdout)
        let user = "\(account["auth_id"] ?? ""):\(account["auth_token"] ?? "")"

        let first = try await ServeProcess(environment: env, directory: directory)
        #expect(first.banner.contains("auth_token:"))
        #expect(first.banner.contains("curl -s -u '"))
        #expect(first.banner.contains("/v1/portability-checks"))
        #expect(first.banner.contains("/login"))
        #expect(first.banner.contains("customer login: demo@example.com  password: "))
        #expect(first.banner.contains("ops login:      ops@portin.local  password: "))
        let (health, _) = try await first.request("GET", "/health")
        #expect(health == 200)
        let (created, body) = try await first.request("POST", "/v1/port-requests", user: user,
                                                json: ["numbers": ["+1 217 522 0142"], "business_name": "Acme"])
        #expect(created == 201)
        let id = (body["port_requests"] as? [[String: Any]])?.first?["id"] as? String
        #expect(id != nil)
        let demoLine = first.banner.split(separator: "\n").first { $0.contains("auth_id:") }
        #expect(await first.stop() == 0)

        let second = try await ServeProcess(environment: env, directory: directory)
        #expect(second.banner.split(separator: "\n").first { $0.contains("auth_id:") } == demoLine)
        let (read, again) = try await second.request("GET", "/v1/port-requests/\(id ?? "-")", user: user)
        #expect(read == 200)
        #expect(again["id"] as? String == id)
        #expect(await second.stop() == 0)
    }
}
