import CarrierKit
import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// Callbacks for one request arriving at once, each twice: the ingest reads the request beside the
/// writer, so most of them find it moved by the time they write and must fall back to a read inside
/// their transaction. Every step must still happen exactly once.
@Suite("Carrier callbacks arriving concurrently")
struct CarrierCallbackConcurrencyTests {
    @Test("verified, sent to the losing carrier and the FOC, each delivered twice at once: one FOC, every step once, three duplicates",
          arguments: TestBackend.available)
    func concurrentAndDuplicated(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220511"]
            try service.addSubscriber(numbers: numbers)
            let request = try await service.submitToCarrier(auth, numbers: numbers)
            let pon = try #require(request["pon"] as? String)
            let now = service.clock.now()
            let events = [
                CarrierEvent(eventId: "cc-verified", type: .verified, pon: pon, version: 1, occurredAt: now),
                CarrierEvent(eventId: "cc-sent", type: .sentToLosingCarrier, pon: pon, version: 1, occurredAt: now),
                CarrierEvent(eventId: "cc-foc", type: .foc, pon: pon, version: 1, occurredAt: now, focDate: CivilDate("2027-04-20")),
            ]
            let outcomes = try await withThrowingTaskGroup(of: String?.self) { group in
                for event in events + events { group.addTask { try await service.deliverCarrierEvent(event) } }
                var outcomes: [String] = []
                for try await outcome in group { outcomes.append(outcome ?? "?") }
                return outcomes
            }
            #expect(outcomes.filter { $0 == "duplicate" }.count == 3, "\(outcomes)")
            #expect(outcomes.allSatisfy { ["applied", "stale", "duplicate"].contains($0) }, "\(outcomes)")
            let read = try await service.read(auth, request.id)
            #expect(read.status == "foc_confirmed")
            #expect(read["foc_date"] as? String == "2027-04-20")
            #expect(try await service.statusTrail(auth, request.id)
                == ["submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed"])
            #expect(try await service.outboxEmails(.focConfirmed, request: request.id).count == 1)
            #expect(try await service.jobs(.provisionNumbers).count == 1)
        }
    }

    @Test("activated before the provisioning job ran: the customer still gets one numbers_provisioned notice, and the late job adds none",
          arguments: TestBackend.available)
    func activatedBeforeProvisioning(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220521", "+12175220522"]
            try service.addSubscriber(numbers: numbers)
            let request = try await service.submitToCarrier(auth, numbers: numbers)
            let pon = try #require(request["pon"] as? String)
            let now = service.clock.now()
            // A FOC far enough ahead that provisioning is not due yet; then the carrier activates at once.
            for event in [
                CarrierEvent(eventId: "ab-sent", type: .sentToLosingCarrier, pon: pon, version: 1, occurredAt: now),
                CarrierEvent(eventId: "ab-foc", type: .foc, pon: pon, version: 1, occurredAt: now, focDate: CivilDate("2027-04-20")),
                CarrierEvent(eventId: "ab-activated", type: .activated, pon: pon, version: 1, occurredAt: now),
            ] {
                #expect(try await service.deliverCarrierEvent(event) == "applied")
            }
            #expect(try await service.read(auth, request.id).status == "completed")
            #expect(try await service.outboxEmails(.numbersProvisioned, request: request.id).count == 1)
            #expect(try await service.outboxEmails(.completed, request: request.id).count == 1)
            // The provisioning job, once due, finds the request completed and does nothing.
            service.clock.advance(by: 200 * 86_400)
            _ = try await service.runner.runDue()
            #expect(try await service.outboxEmails(.numbersProvisioned, request: request.id).count == 1)
        }
    }
}
