import Testing
@testable import PortInCore

@Test func coreHasAVersion() {
    #expect(PortInCore.version.split(separator: ".").count == 3)
}
