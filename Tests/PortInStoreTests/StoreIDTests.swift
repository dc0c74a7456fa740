import Foundation
import Testing
@testable import PortInStore

@Suite("Store ids")
struct StoreIDTests {
    @Test("ids made in one instant, or with a clock that went back, still increase in the order made")
    func monotonic() {
        let instant = Date(timeIntervalSince1970: 1_900_000_000)
        var ids = (0..<2_000).map { _ in StoreID.make("ev", at: instant) }
        ids.append(StoreID.make("ev", at: instant.addingTimeInterval(-60)))
        ids.append(StoreID.make("ev", at: instant.addingTimeInterval(0.001)))
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("ev_") && $0.count == 29 })
    }

    @Test("a later millisecond sorts after an earlier one")
    func timeOrdered() {
        let earlier = StoreID.make("pr", at: Date(timeIntervalSince1970: 2_000_000_000))
        let later = StoreID.make("pr", at: Date(timeIntervalSince1970: 2_000_000_001))
        #expect(earlier < later)
    }
}
