import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// The reminder the business day before the FOC, at that day's start in the carrier calendar's
/// time zone (New York). FOCs arrive as signed carrier callbacks; the network is never ticked.
@Suite("Watchdog: FOC reminder")
struct WatchdogFOCReminderTests {
    /// A request at the carrier with a FOC on `focDate`.
    static func confirmed(_ service: TestService, auth: Credentials, numbers: [String], focDate: String, eventId: String) async throws
        -> [String: Any] {
        try service.addSubscriber(numbers: numbers)
        let request = try await service.submitToCarrier(auth, numbers: numbers)
        let foc = CarrierEvent(eventId: eventId, type: .foc, pon: try #require(request["pon"] as? String), version: 1,
                               occurredAt: service.clock.now(), focDate: CivilDate(focDate))
        #expect(try await service.deliverCarrierEvent(foc) == "applied")
        #expect(try await service.read(auth, request.id)["foc_date"] as? String == focDate)
        return request
    }

    @Test("a FOC on Tuesday 1 June is reminded at the start of Friday 28 May (Monday is Memorial Day), once",
          arguments: TestBackend.available)
    func reminderBeforeHoliday(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let id = try await Self.confirmed(service, auth: auth, numbers: ["+12175220501"], focDate: "2027-06-01", eventId: "ev-foc-a").id
            // Midnight in New York (EDT) is 04:00 UTC.
            let start = TestService.instant("2027-05-28T04:00:00Z")
            service.clock.set(start.addingTimeInterval(-1))
            try await service.runner.runDue()
            #expect(try await service.outboxEmails(.focReminder, request: id).isEmpty)

            service.clock.set(start)
            try await service.runner.runDue()
            let reminders = try await service.outboxEmails(.focReminder, request: id)
            #expect(reminders.count == 1)
            #expect(reminders.first?.to == ["noc@acme.test"])
            #expect(reminders.first?.notification.focDate == CivilDate("2027-06-01"))
            #expect(reminders.first?.notification.message?.contains("2027-06-01") == true)
            let timeline = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth).items
            #expect(timeline.filter { $0["type"] as? String == "foc_reminder" }.count == 1)

            service.clock.set(TestService.instant("2027-05-31T12:00:00Z"))
            try await service.runner.runDue()
            #expect(try await service.outboxEmails(.focReminder, request: id).count == 1)
        }
    }

    @Test("a request cancelled after its FOC gets no reminder", arguments: TestBackend.available)
    func noReminderAfterCancel(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let id = try await Self.confirmed(service, auth: auth, numbers: ["+12175220511"], focDate: "2027-03-16", eventId: "ev-foc-b").id
            let cancel = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth, json: ["reason": "not needed"])
            #expect(cancel.json["status"] as? String == "cancel_requested", "\(cancel.text)")
            // Monday 15 March starts at 04:00 UTC (daylight saving time began on the 14th).
            service.clock.set(TestService.instant("2027-03-15T04:00:00Z"))
            try await service.runner.runDue()
            #expect(try await service.read(auth, id)["status"] as? String == "cancel_requested")
            #expect(try await service.outboxEmails(.focReminder, request: id).isEmpty)
        }
    }

    @Test("a moved FOC is reminded before the new date, not the old one", arguments: TestBackend.available)
    func reminderFollowsMovedFOC(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let request = try await Self.confirmed(service, auth: auth, numbers: ["+12175220521"], focDate: "2027-03-16",
                                                   eventId: "ev-foc-c")
            service.clock.set(TestService.instant("2027-03-03T15:00:00Z"))
            let moved = CarrierEvent(eventId: "ev-foc-c2", type: .foc, pon: try #require(request["pon"] as? String), version: 1,
                                     occurredAt: service.clock.now(), focDate: CivilDate("2027-03-23"))
            #expect(try await service.deliverCarrierEvent(moved) == "applied")

            service.clock.set(TestService.instant("2027-03-15T04:00:00Z"))
            try await service.runner.runDue()
            #expect(try await service.outboxEmails(.focReminder, request: request.id).isEmpty)

            service.clock.set(TestService.instant("2027-03-22T03:59:59Z"))
            try await service.runner.runDue()
            #expect(try await service.outboxEmails(.focReminder, request: request.id).isEmpty)
            service.clock.set(TestService.instant("2027-03-22T04:00:00Z"))
            try await service.runner.runDue()
            let reminders = try await service.outboxEmails(.focReminder, request: request.id)
            #expect(reminders.map(\.notification.focDate) == [CivilDate("2027-03-23")])
        }
    }
}
