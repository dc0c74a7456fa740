import Testing
@testable import PortInServer

@Suite("Notification ids")
struct PortNotificationIDTests {
    @Test("ntf_ and 32 lower-case hex digits, different every time")
    func format() {
        let ids = (0..<1_000).map { _ in PortNotification.makeID() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(50) {
            #expect(id.hasPrefix("ntf_") && id.count == 36)
            #expect(id.dropFirst(4).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        }
    }
}
