import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// Drafts untouched for 30 days expire through the state machine (actor system) at the first
/// hourly sweep after that, and the customer is emailed.
@Suite("Watchdog: idle drafts expire")
struct WatchdogDraftExpiryTests {
    @Test("29 days and 30 days less a second keep a draft; the first sweep after 30 days expires it; an edit or an upload restarts the 30 days",
          arguments: TestBackend.available)
    func idleDraftsExpire(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            let numbers = ["+12175220601", "+12175220602", "+12175220603"]
            try service.addSubscriber(numbers: numbers)
            let idle = try await service.createOne(auth, numbers: [numbers[0]]).id
            let edited = try await service.createOne(auth, numbers: [numbers[1]]).id
            let uploaded = try await service.createOne(auth, numbers: [numbers[2]]).id
            let start = service.clock.now()
            #expect(try await service.engine.ensureDraftSweep())
            func at(days: Double, _ seconds: TimeInterval = 0) async throws {
                service.clock.set(start.addingTimeInterval(days * 86_400 + seconds))
                try await service.runner.runDue()
            }
            func status(_ id: String) async throws -> String? { try await service.read(auth, id)["status"] as? String }

            try await at(days: 10)
            #expect(try await service.send(.PATCH, "/v1/port-requests/\(edited)", auth: auth, json: ["customer_reference": "t-8"]).status == 200)
            try await at(days: 20)
            #expect(try await service.upload(auth, requestId: uploaded, kind: "other").status == 201)

            try await at(days: 29)
            #expect(try await status(idle) == "draft")
            try await at(days: 30, -1)
            #expect(try await status(idle) == "draft")
            #expect(try await service.outboxEmails(.draftExpired, request: idle).isEmpty)
            // That sweep ran a second before the 30 days; the next one, an hour later, is the first after them.
            #expect(try await service.jobs(.expireDrafts).map(\.runAt) == [start.addingTimeInterval(30 * 86_400 + 3599)])
            try await at(days: 30, 3599)
            #expect(try await status(idle) == "expired")
            #expect(try await status(edited) == "draft")
            #expect(try await status(uploaded) == "draft")

            let events = try await service.send(.GET, "/v1/port-requests/\(idle)/events", auth: auth).items
            let expiry = try #require(events.last)
            #expect(expiry["type"] as? String == "status_changed")
            #expect(expiry["from"] as? String == "draft")
            #expect(expiry["to"] as? String == "expired")
            #expect(expiry["actor"] as? String == "system")
            #expect(expiry["reason"] as? String == "No changes for 30 days")
            let emails = try await service.outboxEmails(.draftExpired, request: idle)
            #expect(emails.count == 1)
            #expect(emails.first?.to == ["noc@acme.test"])
            #expect(emails.first?.notification.accountId == account.id)
            // Expired is terminal: the number can be requested again.
            #expect(try await service.create(auth, numbers: [numbers[0]]).status == 201)

            try await at(days: 41)
            #expect(try await status(edited) == "expired")
            #expect(try await status(uploaded) == "draft")
            try await at(days: 51)
            #expect(try await status(uploaded) == "expired")
            #expect(try await service.outboxEmails(.draftExpired, request: idle).count == 1)
            #expect(try await service.jobs(.expireDrafts).count == 1, "the sweep keeps one successor queued")
        }
    }

    @Test("workers starting at once queue one sweep between them", arguments: TestBackend.available)
    func oneSweepForConcurrentStarts(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let engine = service.engine
            let queued = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { try await engine.ensureDraftSweep() } }
                var count = 0
                for try await didQueue in group where didQueue { count += 1 }
                return count
            }
            #expect(queued == 1)
            #expect(try await service.jobs(.expireDrafts).count == 1)
            // A start while the sweep is queued, and the sweep itself, keep it at one.
            #expect(try await engine.ensureDraftSweep() == false)
            try await service.runner.runDue()
            #expect(try await service.jobs(.expireDrafts).count == 1)
            #expect(try await service.jobs(.expireDrafts, status: .done).count == 1)
        }
    }
}
