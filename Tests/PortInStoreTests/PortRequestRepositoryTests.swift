import Foundation
import PortInCore
import Testing
@testable import PortInStore

@Suite struct PortRequestRepositoryTests {
    @Test(arguments: TestBackend.available)
    func createdRequestRoundTripsItsContent(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let created = try await makeRequest(store, account: account, numbers: ["+12175550101", "+12175550102"], pin: "8362")
            let found = try #require(try await store.portRequests.find(id: created.id, accountId: account.id))
            var expected = draft(numbers: ["+12175550101", "+12175550102"])
            expected.pin = nil
            #expect(found.draft == expected)
            #expect(found.status == .draft)
            #expect(found.pinProvided)
            #expect(found.pon.hasPrefix("PI") && found.pon.count == 12)
            #expect(found.version == 0)
            #expect(found.losingCarrier == CarrierRef(spid: "1234", name: "Old Telco"))
            #expect(found.numbers.map(\.status) == [.pending, .pending])
            #expect(found.createdAt == t0)
            let second = try await makeRequest(store, account: account, numbers: ["+12175550103"])
            #expect(second.pon != found.pon)
            #expect(!second.pinProvided)
        }
    }

    @Test(arguments: TestBackend.available)
    func anotherAccountSeesNothing(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let owner = try await makeAccount(store, name: "Owner")
            let stranger = try await makeAccount(store, name: "Stranger")
            let request = try await makeRequest(store, account: owner, numbers: ["+12175550101"])
            #expect(try await store.portRequests.find(id: request.id, accountId: stranger.id) == nil)
            #expect(try await store.portRequests.list(accountId: stranger.id, filter: .init(), page: .init()).items.isEmpty)
            #expect(try await store.portRequests.updateContent(id: request.id, accountId: stranger.id, draft: draft(numbers: []),
                                                               pin: .clear, now: t0) == false)
            #expect(try await store.portRequests.deleteDraft(id: request.id, accountId: stranger.id) == false)
            #expect(try await store.portRequests.opsFind(id: request.id)?.id == request.id)
            #expect(try await store.portRequests.find(id: request.id, accountId: owner.id)?.pinProvided == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func aNumberIsInOneOpenRequestAtMost(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let first = try await makeRequest(store, account: account, numbers: ["+12175550101", "+12175550102"])
            await #expect(throws: StoreError.self) {
                _ = try await makeRequest(store, account: account, numbers: ["+12175550109", "+12175550102"])
            }
            // The failed create left nothing behind, not even its other number.
            #expect(try await store.portRequests.openRequestIds(for: ["+12175550109", "+12175550102"])
                == ["+12175550102": first.id])
            let cancelled = try await store.portRequests.transition(id: first.id, change: StatusChange(from: .draft, to: .cancelled), now: t0)
            #expect(cancelled?.status == .cancelled)
            let again = try await makeRequest(store, account: account, numbers: ["+12175550102"])
            #expect(try await store.portRequests.openRequestIds(for: ["+12175550102"]) == ["+12175550102": again.id])
        }
    }

    @Test(arguments: TestBackend.available)
    func transitionsAreOptimistic(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101"])
            let reasons = [Rejection(code: .serviceAddressMismatch, carrierCode: "6P", message: "address")]
            let submitted = try await store.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .submitted),
                                                                    now: t0.addingTimeInterval(60))
            #expect(submitted?.submittedAt == t0.addingTimeInterval(60))
            // A second writer that still believes the request is a draft loses.
            #expect(try await store.portRequests.transition(id: request.id, change: StatusChange(from: .draft, to: .cancelled), now: t0) == nil)
            let rejected = try await store.portRequests.transition(
                id: request.id, change: StatusChange(from: .submitted, to: .actionRequired, reasons: reasons, bumpVersion: true), now: t0)
            #expect(rejected?.reasons == reasons)
            #expect(rejected?.version == 1)
            #expect(try await store.portRequests.deleteDraft(id: request.id, accountId: account.id) == false)
        }
    }

    @Test("a move of a request in hand returns exactly what a fresh read shows", arguments: TestBackend.available)
    func transitionOfARequestInHand(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101"])
            let reasons = [Rejection(code: .serviceAddressMismatch, carrierCode: "6P", message: "address")]
            let steps = [StatusChange(from: .draft, to: .submitted), StatusChange(from: .submitted, to: .carrierReview),
                         StatusChange(from: .carrierReview, to: .actionRequired, reasons: reasons, bumpVersion: true),
                         StatusChange(from: .actionRequired, to: .submitted),
                         StatusChange(from: .submitted, to: .focConfirmed, focDate: CivilDate("2027-03-12")),
                         StatusChange(from: .focConfirmed, to: .completed)]
            var current = request
            for (index, step) in steps.enumerated() {
                let moved = try #require(try await store.portRequests.transition(current, change: step,
                                                                                  now: t0.addingTimeInterval(Double(60 * (index + 1)))))
                #expect(moved == (try await store.portRequests.opsFind(id: request.id)), "after \(step.to)")
                current = moved
            }
            #expect(current.version == 1 && current.completedAt == t0.addingTimeInterval(360))
            // A stale value loses like any other writer.
            #expect(try await store.portRequests.transition(request, change: StatusChange(from: .draft, to: .cancelled), now: t0) == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func contentAndNumbersUpdate(backend: TestBackend) async throws {
        try await withStore(backend) { _, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101", "+12175550102"], pin: "1111")
            var changed = draft(numbers: [])
            changed.businessName = nil
            changed.firstName = "Jane"
            changed.lastName = "Roe"
            changed.subscriberType = .residential
            changed.serviceAddress = nil
            #expect(try await store.portRequests.changeNumbers(id: request.id, accountId: account.id, add: ["+12175550103"],
                                                               remove: ["+12175550101"], now: t0.addingTimeInterval(3)))
            #expect(try await store.portRequests.updateContent(id: request.id, accountId: account.id, draft: changed, pin: .set("2222"),
                                                               now: t0.addingTimeInterval(5)))
            let found = try #require(try await store.portRequests.find(id: request.id, accountId: account.id))
            #expect(found.draft.businessName == nil)
            #expect(found.draft.firstName == "Jane")
            #expect(found.draft.subscriberType == .residential)
            #expect(found.draft.serviceAddress == nil)
            #expect(found.draft.numbers == ["+12175550102", "+12175550103"])
            #expect(found.updatedAt == t0.addingTimeInterval(5))
            #expect(try await store.portRequests.revealPIN(id: request.id) == "2222")
            try await store.portRequests.purgePIN(id: request.id, now: t0)
            #expect(try await store.portRequests.revealPIN(id: request.id) == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func pinIsEncryptedAtRest(backend: TestBackend) async throws {
        let pin = "739154"
        try await withStore(backend) { runtime, store in
            let account = try await makeAccount(store)
            let request = try await makeRequest(store, account: account, numbers: ["+12175550101"], pin: pin)
            let sealed = try await runtime.rawBytes(column: "pin_sealed", from: "port_requests").compactMap { $0 }
            #expect(sealed.count == 1)
            #expect(!sealed[0].contains(Data(pin.utf8)))
            for column in PortRequestRow.contentColumns.filter({ $0 != "partial_port" }) + ["reasons", "pon", "id"] {
                let values = try await runtime.rawText(column: column, from: "port_requests")
                #expect(!values.contains { $0?.contains(pin) ?? false }, "clear PIN in column \(column)")
            }
            #expect(try await store.portRequests.revealPIN(id: request.id) == pin)
            #expect(!String(describing: request).contains(pin))
            #expect(!String(reflecting: request).contains(pin))
            #expect(request.draft.pin == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aWrongKeyCannotReadThePIN(backend: TestBackend) async throws {
        // One database opened with two keys: the second runtime shares the first's schema or file.
        let config = try backend.freshConfiguration()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let shared = backend == .sqlite
            ? StoreConfiguration(backend: .sqliteFile(path: directory.appendingPathComponent("db.sqlite").path))
            : config
        let right = try StoreRuntime(configuration: shared, secretBox: try SecretBox(base64Key: testKey))
        let wrong = try StoreRuntime(configuration: shared, secretBox: try SecretBox(base64Key: SecretBox.generateKey()))
        do {
            try await right.migrate()
            let account = try await makeAccount(right.store)
            let request = try await makeRequest(right.store, account: account, numbers: ["+12175550101"], pin: "4321")
            await #expect(throws: StoreError.secretUnreadable) { try await wrong.store.portRequests.revealPIN(id: request.id) }
            #expect(try await right.store.portRequests.revealPIN(id: request.id) == "4321")
        } catch {
            Issue.record(error)
        }
        try? await right.dropSchema()
        await wrong.shutdown()
        await right.shutdown()
    }
}
