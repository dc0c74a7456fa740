import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PortInCore
@testable import PortInServer
import PortInStore
import PortInTestSupport
import Synchronization
import Testing

/// HTTP Basic credentials.
struct Credentials: Sendable {
    var authId: String
    var token: String

    var header: String { "Basic " + Data("\(authId):\(token)".utf8).base64EncodedString() }
}

/// A response as the tests read it.
struct TestResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    var contentType: String? { headers.first(name: "Content-Type") }
    /// `errors[].field` of a problem.
    var problemFields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    var problemCode: String? { json["code"] as? String }
}

/// The whole service on loopback: a private database (SQLite or PostgreSQL), the carrier network
/// simulator on a manual clock (in process, or behind its own HTTP server: see `CarrierLink`), a
/// temporary documents directory and a real HTTP server.
final class TestService: Sendable {
    let runtime: StoreRuntime
    let server: RunningServer
    /// The simulated network: the gateway itself in process; behind `carrierServer` over HTTP.
    /// Either way `addSubscriber`, scenarios, faults and `tick()` act on it directly.
    let network: CarrierNetwork
    let clock: ManualClock
    let client: HTTPClient
    let documentsDirectory: URL
    /// Runs due lifecycle jobs when a test says so (nothing runs by itself).
    let runner: JobRunner
    /// The lifecycle jobs' handler the runner calls.
    let engine: LifecycleEngine
    /// Sends due webhook deliveries when a test says so (`webhooks.deliverDue()`); backoff without
    /// jitter (each delay is its ceiling) so retry times are predictable.
    let webhooks: WebhookDelivery
    /// The webhook sender's HTTP client (redirects not followed).
    let webhookClient: HTTPClient
    /// The browser tests' client (`TestBrowser`): redirects are answers to look at, not to follow.
    let pageClient: HTTPClient
    /// The simulator's HTTP server (partner and `/sim/` admin API); nil in process.
    let carrierServer: RunningSimulator?
    /// Every callback the simulator POSTed to the service and whether it got a 2xx; nil in process.
    let callbacks: CallbackLog?
    /// Secret of signed carrier callbacks.
    static let callbackSecret = "test-callback-secret"
    /// API key of the simulator's HTTP server.
    static let carrierAPIKey = "test-carrier-key"
    /// Every exchange `send` made, in order (method, path, response).
    private let exchanges = Mutex<[(method: HTTPMethod, path: String, response: TestResponse)]>([])

    /// Monday 2027-03-01 15:00 UTC (10:00 in New York): a business day, well before any cut-off.
    static let start = Date(timeIntervalSince1970: 1_803_913_200)

    var store: Store { runtime.store }
    var baseURL: String { server.baseURL }

    private init(runtime: StoreRuntime, server: RunningServer, network: CarrierNetwork, clock: ManualClock, client: HTTPClient,
                 documentsDirectory: URL, runner: JobRunner, engine: LifecycleEngine, webhooks: WebhookDelivery, webhookClient: HTTPClient,
                 pageClient: HTTPClient, carrier: CarrierPieces) {
        self.pageClient = pageClient
        self.runner = runner
        self.engine = engine
        self.webhooks = webhooks
        self.webhookClient = webhookClient
        self.runtime = runtime
        self.server = server
        self.network = network
        self.clock = clock
        self.client = client
        self.documentsDirectory = documentsDirectory
        self.carrierServer = carrier.server
        self.callbacks = carrier.callbacks
    }

    /// Starts a fresh service, runs `body`, and tears everything down (also when `body` throws).
    /// `carrier` says how it reaches the simulated carrier (in process by default).
    /// `logger`, when given, is the logger of the HTTP server and of the store (e.g. `LogCapture.logger`),
    /// and of the HTTP carrier gateway.
    /// `webhooksAllowPrivate` is `PORTIN_WEBHOOKS_ALLOW_PRIVATE` (the receivers of the tests are on loopback).
    /// `web` sets the browser sessions (cookie flags, timeouts, lockout); they run on `clock`.
    static func with<T>(_ backend: TestBackend, carrier link: CarrierLink = .inProcess, limits: ServiceLimits = ServiceLimits(),
                        seed: UInt64 = 42, logger: Logger? = nil, webhooksAllowPrivate: Bool = true, web: WebSettings = WebSettings(),
                        _ body: (TestService) async throws -> T) async throws -> T {
        let configuration = try backend.freshConfiguration()
        let secretBox = try SecretBox(base64Key: SecretBox.generateKey())
        let runtime = if let logger {
            try StoreRuntime(configuration: configuration, secretBox: secretBox, logger: logger)
        } else {
            try StoreRuntime(configuration: configuration, secretBox: secretBox)
        }
        do {
            try await runtime.migrate()
        } catch {
            try? await runtime.dropSchema()
            await runtime.shutdown()
            throw error
        }
        let clock = ManualClock(start)
        let network = CarrierNetwork(seed: seed, clock: clock)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let documents = FileManager.default.temporaryDirectory.appendingPathComponent("portin-docs-\(UUID().uuidString)")
        let quiet = logger ?? Logger(label: "portin.test")
        var carrier = CarrierPieces(gateway: network)
        let server: RunningServer
        let dependencies: ServiceDependencies
        do {
            if link == .http {
                carrier = try await CarrierPieces.startHTTP(network: network, clock: clock, client: client, logger: quiet)
            }
            dependencies = ServiceDependencies(store: runtime.store, gateway: carrier.gateway, clock: clock,
                                                   documentsDirectory: documents, limits: limits,
                                                   databaseName: configuration.isPostgres ? "postgresql" : "sqlite",
                                                   callbackSecret: callbackSecret, webhooksAllowPrivate: webhooksAllowPrivate,
                                                   web: web)
            if let logger {
                server = try await RunningServer.start(dependencies: dependencies, logger: logger)
            } else {
                server = try await RunningServer.start(dependencies: dependencies)
            }
        } catch {
            try? await carrier.server?.shutdown()
            try? await client.shutdown()
            try? await runtime.dropSchema()
            await runtime.shutdown()
            throw error
        }
        if link == .http {
            // The simulator's events come back as signed callbacks to the service's own route.
            carrier.connectCallbacks(network: network, to: server.baseURL + "/v1/carrier/callbacks", clock: clock, client: client)
        } else {
            // The simulator's events go through the same ingest as signed callbacks, when it ticks.
            network.setSink(IngestingEventSink(ingest: dependencies.makeIngest(logger: quiet), logger: quiet))
        }
        let engine = LifecycleEngine(store: runtime.store, gateway: carrier.gateway, clock: clock, logger: quiet)
        let runner = JobRunner(store: runtime.store, clock: clock, engine: engine, owner: "test-runner", logger: quiet)
        let webhookClient = WebhookDelivery.makeHTTPClient()
        let webhooks = WebhookDelivery(store: runtime.store, client: webhookClient, clock: clock, owner: "test-webhooks",
                                       allowPrivateTargets: webhooksAllowPrivate, jitter: { $0 }, logger: quiet)
        let pageClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let service = TestService(runtime: runtime, server: server, network: network, clock: clock, client: client,
                                  documentsDirectory: documents, runner: runner, engine: engine, webhooks: webhooks,
                                  webhookClient: webhookClient, pageClient: pageClient, carrier: carrier)
        return try await withCleanup {
            let result = try await body(service)
            service.expectEveryErrorIsAProblem()
            service.expectEveryCallbackDelivered()
            return result
        } cleanup: {
            await service.shutdown()
        }
    }

    private func shutdown() async {
        // The service first: nothing may call back into it once its database is gone.
        try? await server.shutdown()
        try? await carrierServer?.shutdown()
        try? await client.shutdown()
        try? await webhookClient.shutdown()
        try? await pageClient.shutdown()
        try? await runtime.dropSchema()
        await runtime.shutdown()
        try? FileManager.default.removeItem(at: documentsDirectory)
    }

    // MARK: Accounts

    /// A new account and its API credentials.
    func makeAccount(name: String = "Acme Widgets", plan: AccountPlan = .standard) async throws -> (Account, Credentials) {
        let created = try await store.accounts.create(name: name, plan: plan, contactEmails: ["noc@acme.test"], now: clock.now())
        return (created.account, Credentials(authId: created.account.authId, token: created.authToken))
    }

    /// A porting-team user and its API credentials.
    func makeOps(email: String = "ops@portin.test") async throws -> Credentials {
        let user = try await store.users.create(accountId: nil, email: email, role: .ops, passwordHash: "x", now: clock.now())
        let credentials = try await store.users.issueAPICredentials(userId: user.id)
        return Credentials(authId: credentials.authId, token: credentials.authToken)
    }

    // MARK: HTTP

    /// Sends a request; `json` is serialised with JSONSerialization (keys sorted, so the same value is
    /// always the same bytes, as a retrying client sends them), `body` sent as is.
    func send(_ method: HTTPMethod, _ path: String, auth: Credentials? = nil, json: Any? = nil, body: Data? = nil,
              contentType: String? = nil, headers extra: [(String, String)] = []) async throws -> TestResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let auth { request.headers.add(name: "Authorization", value: auth.header) }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let json {
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: data))
        } else if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/octet-stream")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        let result = TestResponse(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
        exchanges.withLock { $0.append((method: method, path: path, response: result)) }
        return result
    }

    /// Every response `send` received so far.
    var responses: [TestResponse] { exchanges.withLock { $0.map(\.response) } }

    /// Every 4xx/5xx this service answered in the test is an RFC 9457 problem with the stable fields
    /// (page routes answer with HTML pages instead: PageAccessTests).
    private func expectEveryErrorIsAProblem() {
        // HEAD answers carry no body by definition.
        for exchange in exchanges.withLock({ $0 }) where exchange.response.status >= 400 && exchange.method != .HEAD
            && !PageRoutes.isPagePath(String(exchange.path.prefix { $0 != "?" })) {
            let response = exchange.response
            let what = "\(exchange.method) \(exchange.path) -> \(response.status)"
            #expect(response.contentType == "application/problem+json", "\(what)")
            #expect(response.json["status"] as? Int == response.status, "\(what): \(response.text)")
            #expect((response.json["code"] as? String).map { !$0.isEmpty } == true, "\(what): \(response.text)")
            #expect((response.json["title"] as? String).map { !$0.isEmpty } == true, "\(what): \(response.text)")
            #expect((response.json["type"] as? String).map { !$0.isEmpty } == true, "\(what): \(response.text)")
        }
    }

    /// A multipart/form-data body with text fields and one file part.
    static func multipart(fields: [(String, String)], file: (name: String, filename: String, data: Data)?)
        -> (body: Data, contentType: String) {
        let boundary = "----portin-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    // MARK: Simulated subscribers

    /// Registers a business subscriber at `carrier` (slug) holding `numbers`; returns the record.
    @discardableResult
    func addSubscriber(carrier: String = "granite-telephone", numbers: [String], accountNumber: String = "GT-552201",
                       pin: String? = nil, businessName: String = "Acme Widgets LLC", authorizedName: String = "Jane Roe",
                       address: ServiceAddress = TestService.address) throws -> SubscriberRecord {
        let record = SubscriberRecord(carrier: carrier, accountNumber: accountNumber, pin: pin, btn: numbers.first,
                                      subscriberType: .business, businessName: businessName, authorizedName: authorizedName,
                                      serviceAddress: address, numbers: numbers)
        try network.addSubscribers([record])
        return record
    }

    static let address = ServiceAddress(houseNumber: "12", street: "Main St", unit: "Suite 200", city: "Springfield", state: "IL",
                                        postalCode: "62701")

    /// The JSON of a complete request for the subscriber above (without numbers).
    static func requestFields(accountNumber: String = "GT-552201", btn: String, pin: String? = nil) -> [String: Any] {
        var fields: [String: Any] = [
            "subscriber_type": "business",
            "business_name": "Acme Widgets LLC",
            "authorized_person": ["name": "Jane Roe", "title": "CTO", "email": "jane@acme.test"],
            "service_address": ["house_number": "12", "street": "Main St", "unit": "Suite 200", "city": "Springfield",
                                "state": "IL", "postal_code": "62701", "country": "US"],
            "account_number": accountNumber,
            "btn": btn,
            "customer_reference": "ticket-7",
            "notification_emails": ["noc@acme.test"],
        ]
        if let pin { fields["pin"] = pin }
        return fields
    }
}
