import AsyncHTTPClient
import CarrierKit
import CarrierSimulator
import Foundation
import Logging
import PortInCore
import Synchronization
import Testing
import Vapor

/// `HTTPCallbackSink` delivering real signed POSTs to a receiver app on another loopback port.
@Suite("Signed callbacks over loopback")
struct CallbackDeliveryTests {
    static let secret = "callback-test-secret"

    @Test func everyEventArrivesSignedOnceInOrder() async throws {
        try await CallbackReceiver.with(secret: Self.secret) { receiver in
            try await LoopbackSimulator.with(sink: receiver.sink(secret: Self.secret)) { sim in
                _ = try await sim.gateway.submit(Accounts.order("PON-CB-1", for: Accounts.bakery))
                await sim.runSchedule()
                let expected = sim.events.events(pon: "PON-CB-1")
                #expect(expected.map(\.type) == [.received, .verified, .sentToLosingCarrier, .foc, .activated])
                #expect(receiver.accepted.map(\.eventId) == expected.map(\.eventId))
                #expect(receiver.accepted == expected)  // the body decodes to the very event
                #expect(receiver.refused == 0 && receiver.duplicates == 0)
            }
        }
    }

    @Test func duplicatedCallbacksAreDedupedByEventId() async throws {
        try await CallbackReceiver.with(secret: Self.secret) { receiver in
            try await LoopbackSimulator.with(sink: receiver.sink(secret: Self.secret)) { sim in
                sim.network.setFault(SimulatorFault(numbers: Accounts.bakery.numbers, duplicateCallbacks: true))
                _ = try await sim.gateway.submit(Accounts.order("PON-CB-DUP", for: Accounts.bakery))
                await sim.runSchedule()
                let unique = Set(sim.events.events(pon: "PON-CB-DUP").map(\.eventId))
                #expect(receiver.duplicates > 0)
                #expect(receiver.posts == receiver.accepted.count + receiver.duplicates)
                #expect(Set(receiver.accepted.map(\.eventId)) == unique && receiver.accepted.count == unique.count)
            }
        }
    }

    @Test func outOfOrderCallbacksDeliverVerifiedAfterTheAnswer() async throws {
        try await CallbackReceiver.with(secret: Self.secret) { receiver in
            try await LoopbackSimulator.with(sink: receiver.sink(secret: Self.secret)) { sim in
                sim.network.setFault(SimulatorFault(numbers: Accounts.bakery.numbers, outOfOrderCallbacks: true))
                _ = try await sim.gateway.submit(Accounts.order("PON-CB-OOO", for: Accounts.bakery))
                await sim.runSchedule()
                let arrived = receiver.accepted.map(\.type)
                let verified = try #require(arrived.firstIndex(of: .verified))
                let foc = try #require(arrived.firstIndex(of: .foc))
                #expect(verified > foc)
                // The receiver can still order them by occurrence time.
                let byTime = receiver.accepted.sorted { $0.occurredAt < $1.occurredAt }.map(\.type)
                #expect(byTime.prefix(2) == [.received, .verified])
            }
        }
    }

    @Test func aFailingReceiverIsRetriedWithBackoffUntilItAccepts() async throws {
        try await CallbackReceiver.with(secret: Self.secret, failFirst: 2) { receiver in
            let waits = WaitRecorder()
            let sink = receiver.sink(secret: Self.secret, maxAttempts: 3, sleep: waits.sleep)
            let event = CarrierEvent(eventId: "ev-retry", type: .foc, pon: "P", version: 1, occurredAt: Date(),
                                     focDate: CivilDate(year: 2025, month: 3, day: 14))
            #expect(await sink.send(event))
            #expect(receiver.posts == 3 && receiver.accepted.map(\.eventId) == ["ev-retry"])
            #expect(waits.recorded == [.milliseconds(250), .milliseconds(500)])
        }
    }

    @Test func aWrongSecretIsRefusedAndDeliveryGivesUpAfterMaxAttempts() async throws {
        try await CallbackReceiver.with(secret: Self.secret) { receiver in
            let waits = WaitRecorder()
            let sink = receiver.sink(secret: "not-the-secret", maxAttempts: 4, sleep: waits.sleep)
            let event = CarrierEvent(eventId: "ev-bad", type: .received, pon: "P", version: 1, occurredAt: Date())
            #expect(await sink.send(event) == false)
            #expect(receiver.refused == 4 && receiver.accepted.isEmpty)
            #expect(waits.recorded.count == 3)
        }
    }

    @Test func thePINNeverAppearsInLogsOrCallbackBodies() async throws {
        try await CallbackReceiver.with(secret: Self.secret) { receiver in
            try await LoopbackSimulator.with(sink: receiver.sink(secret: Self.secret)) { sim in
                let number = Accounts.mobile.numbers[0]
                _ = try await sim.gateway.customerServiceRecord(
                    CSRRequest(number: number, accountNumber: Accounts.mobile.accountNumber, pin: Accounts.secretPIN))
                var wrong = Accounts.order("PON-PIN-1", for: Accounts.mobile)
                wrong.pin = "1" + Accounts.secretPIN  // a wrong PIN: the rejection must not echo it either
                _ = try await sim.gateway.submit(wrong)
                await sim.runSchedule()  // rejected, so the number is free for the next order
                _ = try await sim.gateway.submit(Accounts.order("PON-PIN-2", for: Accounts.mobile))
                sim.network.setFault(SimulatorFault(numbers: [number], http5xxCount: 1))  // a retry logs too
                _ = try await sim.gateway.submit(Accounts.order("PON-PIN-2", for: Accounts.mobile))
                await sim.runSchedule()
                #expect(receiver.accepted.contains { $0.pon == "PON-PIN-1" && $0.type == .rejected })
                #expect(receiver.accepted.contains { $0.pon == "PON-PIN-2" && $0.type == .foc })
                #expect(!receiver.bodies.isEmpty && receiver.bodies.allSatisfy { !$0.contains(Accounts.secretPIN) })
            }
        }
        let logs = TestLogs.snapshot()
        #expect(logs.contains { $0.contains("PON-PIN-2") })  // the capture did see these calls
        #expect(!logs.contains { $0.contains(Accounts.secretPIN) })
    }
}

/// A stand-in for PortIn's callback endpoint: verifies `X-PortIn-Signature`, dedupes by event id,
/// and records what it saw. Optionally answers 500 to the first `failFirst` posts.
final class CallbackReceiver: Sendable {
    struct Seen {
        var posts = 0
        var refused = 0
        var duplicates = 0
        var accepted: [CarrierEvent] = []
        var ids: Set<String> = []
        var bodies: [String] = []
    }

    let url: String
    private let store: Store

    /// Shared with the route handler, which runs before the receiver's URL is known.
    final class Store: Sendable {
        let seen = Mutex(Seen())
    }
    var posts: Int { store.seen.withLock { $0.posts } }
    var refused: Int { store.seen.withLock { $0.refused } }
    var duplicates: Int { store.seen.withLock { $0.duplicates } }
    var accepted: [CarrierEvent] { store.seen.withLock { $0.accepted } }
    var bodies: [String] { store.seen.withLock { $0.bodies } }

    private init(url: String, store: Store) {
        self.url = url
        self.store = store
    }

    func sink(secret: String, maxAttempts: Int = 5,
              sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }) -> HTTPCallbackSink {
        HTTPCallbackSink(url: url, secret: secret, client: .shared, maxAttempts: maxAttempts, sleep: sleep)
    }

    static func with(secret: String, failFirst: Int = 0, _ body: (CallbackReceiver) async throws -> Void) async throws {
        TestLogs.install()
        let app = try await Application.make(Environment(name: "testing", arguments: ["receiver"]), .singleton)
        let store = Store()
        let verifier = CallbackSignature(secret: secret)
        app.on(.POST, "carrier", "callbacks") { req async throws -> HTTPStatus in
            let body = req.body.data.map { Data($0.readableBytesView) } ?? Data()
            let post = store.seen.withLock { s -> Int in
                s.posts += 1
                s.bodies.append(String(decoding: body, as: UTF8.self))
                return s.posts
            }
            if post <= failFirst { return .internalServerError }
            do {
                try verifier.verify(header: req.headers.first(name: CallbackSignature.headerName), body: body, now: Date())
            } catch {
                store.seen.withLock { $0.refused += 1 }
                return .unauthorized
            }
            let event = try CarrierWire.decoder().decode(CarrierEvent.self, from: body)
            store.seen.withLock { s in
                if s.ids.insert(event.eventId).inserted { s.accepted.append(event) } else { s.duplicates += 1 }
            }
            return .ok
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = app.http.server.shared.localAddress?.port ?? 0
        let receiver = CallbackReceiver(url: "http://127.0.0.1:\(port)/carrier/callbacks", store: store)
        do {
            try await body(receiver)
        } catch {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
