import Testing
@testable import CarrierSimulator

@Test func simulatorNamesItself() {
    #expect(CarrierSimulatorInfo.name.contains("simulator"))
}
