import CarrierKit
import CarrierSimulator
import Foundation
import PortInCore
import Testing

/// The hand-written portability coder must write what `CarrierWire` writes and read it back the same.
@Suite("PortabilityJSON")
struct PortabilityJSONTests {
    static let odd = PortabilityCheckResponse(results: [
        PortabilityResult(number: "+12157830123", portable: true, numberType: .geographic,
                          losingCarrier: CarrierIdentity(name: "Q\"uote\\ Tel/ \u{1}é", spid: "7290", ocn: nil, lineType: .voip),
                          rateCenter: "PHILA\nDELPHIA", region: "PA", pinRequired: true, simplePort: true),
        PortabilityResult(number: "12", portable: false, reason: "invalid_number"),
        PortabilityResult(number: "+18882345670", portable: true, numberType: .tollFree, respOrg: "TFX02"),
    ])

    @Test func encodesTheSameBytesAsTheWireEncoder() async throws {
        let network = CarrierNetwork(seed: 3, clock: ManualClock(Date(timeIntervalSince1970: 1_741_010_400)))
        let numbers = (0..<2_000).map { "+1215783\(String(format: "%04d", $0))" } + ["+18005550199", "nonsense"]
        let real = try await network.checkPortability(PortabilityCheckRequest(numbers: numbers))
        for response in [real, Self.odd, PortabilityCheckResponse(results: [])] {
            #expect(PortabilityJSON.encode(response) == Array(try CarrierWire.encoder().encode(response)))
        }
    }

    @Test func decodesWhatEitherEncoderWrote() throws {
        for response in [Self.odd, PortabilityCheckResponse(results: [])] {
            #expect(try PortabilityJSON.decode(Data(PortabilityJSON.encode(response))) == response)
            #expect(try PortabilityJSON.decode(try CarrierWire.encoder().encode(response)) == response)
        }
    }

    /// Shapes the fast reader does not take (spacing, unknown keys, nulls) still decode, through Foundation.
    @Test(arguments: [
        #"{ "results" : [ { "number" : "+12157830123" , "portable" : true , "pin_required" : false , "simple_port" : false } ] }"#,
        #"{"results":[{"number":"+12157830123","portable":true,"pin_required":false,"simple_port":false,"extra":{"a":[1,2]}}]}"#,
        #"{"results":[{"number":"+12157830123","portable":true,"pin_required":false,"simple_port":false,"reason":null}]}"#,
    ])
    func otherShapesFallBackToFoundation(json: String) throws {
        let decoded = try PortabilityJSON.decode(Data(json.utf8))
        #expect(decoded == PortabilityCheckResponse(results: [PortabilityResult(number: "+12157830123", portable: true)]))
    }

    @Test(arguments: [#"{"results":[{"number":"+1"}]}"#, #"{"results":"#, "[]"])
    func invalidAnswersStillThrow(json: String) {
        #expect(throws: (any Error).self) { try PortabilityJSON.decode(Data(json.utf8)) }
    }
}
