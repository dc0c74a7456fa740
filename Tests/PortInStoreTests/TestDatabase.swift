import Foundation
import PortInCore
@testable import PortInStore

/// The engines every suite runs on: SQLite always, PostgreSQL when `PORTIN_TEST_DATABASE_URL` is set.
enum TestBackend: String, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgres

    static var available: [TestBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["PORTIN_TEST_DATABASE_URL"] ?? ""
        return value.isEmpty ? nil : value
    }

    var description: String { rawValue }

    /// A configuration private to one test: its own in-memory SQLite or its own PostgreSQL schema.
    func freshConfiguration() throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            return try StoreConfiguration(url: "sqlite::memory:")
        case .postgres:
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            // Tests run in parallel, each with its own pool: one connection per event loop keeps
            // the total well under PostgreSQL's connection limit.
            return StoreConfiguration(backend: .postgres(url: TestBackend.postgresURL!), postgresSchema: schema,
                                      postgresConnectionsPerEventLoop: 1)
        }
    }
}

let testKey = SecretBox.generateKey()
let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// Opens and migrates a private database, runs `body`, then drops it and shuts down (also on failure).
func withStore<T>(_ backend: TestBackend, key: String = testKey,
                  _ body: (StoreRuntime, Store) async throws -> T) async throws -> T {
    let runtime = try StoreRuntime(configuration: try backend.freshConfiguration(), secretBox: try SecretBox(base64Key: key))
    do {
        try await runtime.migrate()
        let result = try await body(runtime, runtime.store)
        try await runtime.dropSchema()
        await runtime.shutdown()
        return result
    } catch {
        try? await runtime.dropSchema()
        await runtime.shutdown()
        throw error
    }
}

/// A standard account to hang requests on.
func makeAccount(_ store: Store, name: String = "Acme") async throws -> Account {
    try await store.accounts.create(name: name, plan: .standard, contactEmails: ["ops@acme.test"], now: t0).account
}

/// A request draft with the given numbers and optional PIN.
func draft(numbers: [String], pin: String? = nil) -> PortRequestDraft {
    PortRequestDraft(
        businessName: "Acme Widgets", authorizedPerson: AuthorizedPerson(name: "Jane Roe", title: "CTO"),
        serviceAddress: ServiceAddress(houseNumber: "12", street: "Main St", unit: "Suite 200", city: "Springfield",
                                       state: "IL", postalCode: "62701"),
        accountNumber: "ACCT-991", pin: pin, btn: "+12175550100", requestedFOCDate: CivilDate("2027-03-15"),
        customerReference: "ref-1", notificationEmails: ["noc@acme.test"], numbers: numbers)
}

/// Creates a draft request for `account` with `numbers`.
func makeRequest(_ store: Store, account: Account, numbers: [String], pin: String? = nil, at date: Date = t0)
    async throws -> StoredPortRequest {
    try await store.portRequests.create(
        NewPortRequest(accountId: account.id, groupId: "grp_1", draft: draft(numbers: numbers, pin: pin), numberType: .geographic,
                       losingCarrier: CarrierRef(spid: "1234", name: "Old Telco")),
        now: date)
}
