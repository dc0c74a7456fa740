import CarrierKit
import Foundation
import Logging
import PortInCore
@testable import PortInServer
import Testing

/// `IngestGroups`: the loop that writes carrier events in groups on one lease of SQLite's writer.
@Suite("Carrier-event groups")
struct IngestGroupsTests {
    /// A lease of zero stands for a wait for the writer connection longer than the lease: each lease
    /// must still write a group. (Counting the lease from before that wait wrote none and left
    /// every event waiting while the loop leased again and again: this test then hangs, so the
    /// time limit, far above the whole suite's run, names it.)
    @Test("a lease used up before the writer is held still writes a group each time; every event is answered",
          .timeLimit(.minutes(10)))
    func everyLeaseWritesAGroup() async throws {
        try await TestService.with(.sqlite) { service in
            let ingest = CarrierEventIngest(store: service.runtime.store, clock: service.clock, calendar: BusinessCalendar(),
                                            logger: Logger(label: "test"), groups: IngestGroups(maxLease: .zero))
            let ids = ["ev-1", "ev-2", "ev-3", "ev-4", "ev-1"]
            let outcomes = try await withThrowingTaskGroup(of: CarrierEventIngest.Outcome.self) { group in
                for id in ids {
                    group.addTask {
                        try await ingest.ingest(CarrierEvent(eventId: id, type: .verified, pon: "PON-NOT-OURS", version: 1,
                                                             occurredAt: Date(timeIntervalSince1970: 1_800_000_000)))
                    }
                }
                var outcomes: [CarrierEventIngest.Outcome] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            // Unknown to us, each recorded once; the repeated id is a duplicate, whichever came first.
            #expect(outcomes.filter { $0 == .unknownOrder }.count == 4)
            #expect(outcomes.filter { $0 == .duplicate }.count == 1)
        }
    }
}
