import AsyncHTTPClient
import CarrierKit
import Foundation
import NIOCore
import PortInCore
import Testing
import Vapor
@testable import CarrierSimulator

/// The simulator's HTTP surface beyond the partner API: auth, `/health`, `/openapi.yaml`, `/sim/`.
@Suite("Simulator server")
struct SimulatorServerTests {
    static let key = "server-test-key"
    static let start = Date(timeIntervalSince1970: 1_741_010_400)  // Monday 2025-03-03 09:00 Eastern

    /// A running server around a fresh network; `manual` picks a ManualClock over an accelerated one.
    static func withServer(manual: Bool = true, _ body: (RunningSimulator, CarrierNetwork, RecordingEventSink) async throws -> Void) async throws {
        let clock: any PortInClock = manual ? ManualClock(start) : AcceleratedClock(scale: 1, virtualStart: start)
        let sink = RecordingEventSink()
        let network = CarrierNetwork(seed: 7, clock: clock, sink: sink)
        let server = try await SimulatorServer.start(network: network, clock: clock, apiKey: key)
        do { try await body(server, network, sink) } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    static func call(_ server: RunningSimulator, _ method: HTTPMethod, _ path: String, json: String? = nil,
                     key: String? = SimulatorServerTests.key) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 24)))
    }

    @Test func healthAndOpenAPINeedNoKeyButEverythingElseDoes() async throws {
        try await Self.withServer { server, _, _ in
            #expect(try await Self.call(server, .GET, "/health", key: nil).status == 200)
            let spec = try await Self.call(server, .GET, "/openapi.yaml", key: nil)
            #expect(spec.status == 200 && spec.body.hasPrefix("openapi: 3.1.0"))
            for (method, path) in [(HTTPMethod.GET, "/sim/carriers"), (.POST, "/v1/portability"), (.POST, "/sim/tick")] {
                let refused = try await Self.call(server, method, path, json: "{}", key: nil)
                #expect(refused.status == 401 && refused.body.contains(#""error":"unauthorized""#))
                #expect(try await Self.call(server, method, path, json: "{}", key: "nope").status == 401)
            }
        }
    }

    /// Every route the server registers is documented (and nothing documented is missing).
    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await Self.withServer { server, _, _ in
            let registered = Set(server.app.routes.all.map { route in
                "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name == "number" ? "number" : name)}" }
                    return "\(component)"
                }.joined(separator: "/")
            })
            let documented = Set(SimulatorOpenAPI.document.split(separator: "\n")
                .filter { $0.hasPrefix("  /") && $0.hasSuffix(":") }
                .map { String($0.dropFirst(2).dropLast()) })
            #expect(registered == documented)
        }
    }

    @Test func subscribersNumbersAndCarriersThroughTheAdminAPI() async throws {
        try await Self.withServer { server, network, _ in
            let record = #"""
            {"carrier":"7290","account_number":"V-9","authorized_name":"Ann Lee","business_name":"Pine Bakery",
             "service_address":{"house_number":"9","street":"Pine Rd","city":"Philadelphia","state":"PA","postal_code":"19103","country":"US"},
             "numbers":["+12157830999"]}
            """#
            let added = try await Self.call(server, .POST, "/sim/subscribers", json: record)
            #expect(added.status == 200 && added.body == #"{"added":1}"#)
            let described = try await Self.call(server, .GET, "/sim/numbers/%2B12157830999")
            #expect(described.status == 200)
            let description = try CarrierWire.decoder().decode(NumberDescription.self, from: Data(described.body.utf8))
            #expect(description.explicit && description.csr?.accountNumber == "V-9")
            #expect(network.describe(number: "+12157830999") == description)
            let carriers = try await Self.call(server, .GET, "/sim/carriers")
            let list = try CarrierWire.decoder().decode(CarrierList.self, from: Data(carriers.body.utf8))
            #expect(list.carriers.count >= 12 && list.carriers.map(\.spid) == network.carriers.map(\.spid))
            #expect(try await Self.call(server, .POST, "/sim/subscribers", json: #"[{"carrier":"7290"}]"#).status == 400)
        }
    }

    @Test func theManualClockMovesOnlyThroughAdvanceWhichAlsoTicks() async throws {
        try await Self.withServer { server, network, sink in
            let address = ServiceAddress(houseNumber: "1", street: "Main St", city: "Philadelphia", state: "PA", postalCode: "19103")
            try network.addSubscribers([SubscriberRecord(carrier: "7290", accountNumber: "V-1", businessName: "Someone",
                                                         authorizedName: "A B", serviceAddress: address, numbers: ["+12157830123"])])
            let order = PortOrder(pon: "PON-SRV", losingCarrier: "7290", accountNumber: "V-1", btn: "+12157830123",
                                  subscriberType: .business, businessName: "Someone", authorizedPerson: AuthorizedPerson(name: "A B"),
                                  serviceAddress: address, numbers: ["+12157830123"])
            #expect(try await network.submit(order).accepted)
            #expect(try await Self.call(server, .POST, "/sim/tick").status == 200)
            #expect(sink.events(pon: "PON-SRV").map(\.type) == [.received])  // due at once; nothing later yet
            let due = try #require(network.nextDueDate())
            #expect(due > Self.start)
            let advanced = try await Self.call(server, .POST, "/sim/clock/advance",
                                               json: #"{"seconds":\#(due.timeIntervalSince(Self.start))}"#)
            #expect(advanced.status == 200)
            let state = try CarrierWire.decoder().decode(ClockState.self, from: Data(advanced.body.utf8))
            #expect(state.manual && state.now == due)
            #expect(sink.events(pon: "PON-SRV").map(\.type) == [.received, .verified])
            let view = try await Self.call(server, .GET, "/sim/orders/PON-SRV")
            #expect(view.status == 200 && view.body.contains(#""pon":"PON-SRV""#))
            #expect(try await Self.call(server, .GET, "/sim/orders/NOPE").status == 404)
            #expect(try await Self.call(server, .POST, "/sim/clock/advance", json: #"{"seconds":-1}"#).status == 400)
        }
    }

    @Test func advancingIsRefusedWithoutAManualClock() async throws {
        try await Self.withServer(manual: false) { server, _, _ in
            let refused = try await Self.call(server, .POST, "/sim/clock/advance", json: #"{"seconds":60}"#)
            #expect(refused.status == 409 && refused.body.contains("manual clock"))
        }
    }

    @Test func scenariosAndFaultsAreSetAndClearedOverHTTP() async throws {
        try await Self.withServer { server, network, _ in
            let check = #"{"numbers":["+12157830123"]}"#
            var statuses: [Int] = []
            for (method, path, json) in [
                (HTTPMethod.POST, "/sim/faults", #"{"routes":["/v1/portability"],"http_5xx_count":1,"http_status":504}"#),
                (.POST, "/v1/portability", check), (.POST, "/v1/portability", check),
                (.POST, "/sim/faults", #"{"http_5xx_count":5}"#), (.DELETE, "/sim/faults", nil),
            ] as [(HTTPMethod, String, String?)] {
                statuses.append(try await Self.call(server, method, path, json: json).status)
            }
            #expect(statuses == [200, 504, 200, 200, 200])
            #expect(network.httpFault(for: "/v1/portability", numbers: []) == nil)
            let scenario = #"{"numbers":["+12157830123"],"outcome":"reject","codes":["9999"]}"#
            let added = try await Self.call(server, .POST, "/sim/scenarios", json: scenario)
            let invalid = try await Self.call(server, .POST, "/sim/scenarios", json: #"{"numbers":[],"outcome":"explode"}"#)
            let cleared = try await Self.call(server, .DELETE, "/sim/scenarios")
            let got: [Int] = [added.status, invalid.status, cleared.status]
            #expect(got == [200, 400, 200])
        }
    }

    @Test func unreadableBodiesAre400WithTheErrorShapeAndNoEcho() async throws {
        try await Self.withServer { server, _, _ in
            let bad = try await Self.call(server, .POST, "/v1/orders", json: #"{"pon":"P","pin":"SECRET-1234"}"#)
            #expect(bad.status == 400 && bad.body.contains(#""error":"invalid_request""#))
            #expect(!bad.body.contains("SECRET-1234"))
            let mismatch = try await Self.call(server, .POST, "/v1/orders/A/cancel", json: #"{"pon":"B","version":2}"#)
            #expect(mismatch.status == 400)
            #expect(try await Self.call(server, .GET, "/nowhere").status == 404)
        }
    }
}
