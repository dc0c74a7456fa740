import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore
import Synchronization

/// The real simulator server on a loopback port around a `CarrierNetwork` on a manual clock, and
/// an `HTTPCarrierGateway` talking to it. Waits between retries are recorded, not slept.
struct LoopbackSimulator {
    static let apiKey = "test-api-key"
    /// Monday 2025-03-03 09:00 Eastern: inside every carrier's order window.
    static let monday = Date(timeIntervalSince1970: 1_741_010_400)

    let clock: ManualClock
    let network: CarrierNetwork
    let events: RecordingEventSink
    let server: RunningSimulator
    let gateway: HTTPCarrierGateway
    let waits: WaitRecorder

    /// Runs `body` with a fresh simulator and gateway, shutting the server down afterwards. The default
    /// timeout is generous: a loaded CI machine must not turn one slow answer into a retry.
    static func with(apiKey clientKey: String = apiKey, timeout: Duration = .seconds(30), maxAttempts: Int = 4,
                     sink: (any CarrierEventSink)? = nil,
                     _ body: (LoopbackSimulator) async throws -> Void) async throws {
        TestLogs.install()
        let clock = ManualClock(monday)
        let events = RecordingEventSink()
        let network = CarrierNetwork(seed: 42, clock: clock, sink: sink.map { FanOutSink(sinks: [events, $0]) } ?? events)
        try network.addSubscribers(Accounts.all)
        let server = try await SimulatorServer.start(network: network, clock: clock, apiKey: apiKey)
        let waits = WaitRecorder()
        let gateway = HTTPCarrierGateway(
            configuration: .init(baseURL: server.baseURL, apiKey: clientKey, timeout: timeout, maxAttempts: maxAttempts,
                                 backoffBase: .milliseconds(100)),
            client: .shared, logger: Logger(label: "test.gateway"), sleep: waits.sleep, jitter: { 1 })
        let sim = LoopbackSimulator(clock: clock, network: network, events: events, server: server, gateway: gateway, waits: waits)
        do {
            try await body(sim)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    /// Moves the clock to each due action and ticks until nothing is scheduled (bounded).
    func runSchedule() async {
        var steps = 0
        while let next = network.nextDueDate(), steps < 200 {
            clock.set(next)
            await network.tick()
            steps += 1
        }
    }

    /// A raw POST to the server (for statuses the gateway folds into errors).
    func post(_ path: String, json: String, apiKey: String = LoopbackSimulator.apiKey) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(Array(json.utf8))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 24)
        return (Int(response.status.code), String(buffer: body))
    }
}

/// Records the gateway's backoff waits instead of sleeping.
final class WaitRecorder: Sendable {
    private let waits = Mutex<[Duration]>([])
    var recorded: [Duration] { waits.withLock { $0 } }
    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in waits.withLock { $0.append(duration) } }
    }
}

/// Delivers every event to each sink in turn.
struct FanOutSink: CarrierEventSink {
    let sinks: [any CarrierEventSink]
    func deliver(_ event: CarrierEvent) async {
        for sink in sinks { await sink.deliver(event) }
    }
}

/// Accounts the losing carriers have on file for these tests.
enum Accounts {
    /// A PIN no log line, request id or timestamp would contain by chance.
    static let secretPIN = "908172635"

    /// Keystone Digital (7290, VoIP): no PIN, one number.
    static let bakery = SubscriberRecord(
        carrier: "7290", accountNumber: "V12345678", subscriberType: .business, businessName: "Pine Bakery",
        authorizedName: "Ann Lee",
        serviceAddress: ServiceAddress(houseNumber: "9", street: "Pine Rd", city: "Philadelphia", state: "PA", postalCode: "19103"),
        numbers: ["+12157830123"])
    /// Acme Wireless (6101): the CSR and the port need account number and PIN.
    static let mobile = SubscriberRecord(
        carrier: "6101", accountNumber: "884422113", pin: secretPIN, subscriberType: .residential,
        firstName: "John", lastName: "Public", authorizedName: "John Public",
        serviceAddress: ServiceAddress(houseNumber: "55", street: "Oak Ave", city: "Chicago", state: "IL", postalCode: "60601"),
        numbers: ["+13127830142"])
    /// Lakeshore Bell (7744): one number disconnected.
    static let flagged = SubscriberRecord(
        carrier: "7744", accountNumber: "LB-1", subscriberType: .business, businessName: "Lake Co", authorizedName: "Al Ray",
        serviceAddress: ServiceAddress(houseNumber: "2", street: "Lake St", city: "Chicago", state: "IL", postalCode: "60602"),
        numbers: ["+17737830111", "+17737830112"], disconnectedNumbers: ["+17737830111"])

    static let all = [bakery, mobile, flagged]

    /// An order matching `record` exactly.
    static func order(_ pon: String, for record: SubscriberRecord, version: Int = 1) -> PortOrder {
        PortOrder(
            pon: pon, version: version, portingIndicator: .full, numberType: .geographic, losingCarrier: record.carrier,
            accountNumber: record.accountNumber, pin: record.pin, btn: record.btn ?? record.numbers[0],
            subscriberType: record.subscriberType, businessName: record.businessName, firstName: record.firstName,
            lastName: record.lastName, authorizedPerson: AuthorizedPerson(name: record.authorizedName),
            serviceAddress: record.serviceAddress, numbers: record.numbers)
    }
}

/// Every log line of the test process, captured through a global LoggingSystem handler (Vapor's
/// request loggers come from the global factory, so a per-instance logger would miss them).
enum TestLogs {
    static let lines = Mutex<[String]>([])
    private static let installed: Bool = {
        LoggingSystem.bootstrap { label in CapturingLogHandler(label: label) }
        return true
    }()

    static func install() { _ = installed }

    static func snapshot() -> [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let error = event.error.map { " error=\($0)" } ?? ""
        let text = "\(event.level) \(label): \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))\(error)"
        TestLogs.lines.withLock { $0.append(text) }
    }
}
