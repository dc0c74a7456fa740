import Foundation
import Testing
@testable import PortInCore

@Suite struct PortStatusTests {
    @Test func rawValuesAreTheStableStoredStrings() {
        #expect(PortStatus.allCases.map(\.rawValue) == [
            "draft", "submitted", "carrier_review", "pending_losing_carrier", "foc_confirmed",
            "completed", "action_required", "cancel_requested", "cancelled", "expired",
        ])
    }

    @Test(arguments: PortStatus.allCases)
    func flagsFollowTheDocumentedSets(status: PortStatus) {
        let terminal: Set<PortStatus> = [.completed, .cancelled, .expired]
        let editable: Set<PortStatus> = [.draft, .actionRequired]
        #expect(status.isTerminal == terminal.contains(status))
        #expect(status.isOpen == !terminal.contains(status))
        #expect(status.isEditable == editable.contains(status))
        #expect(!(status.isEditable && status.isTerminal))
    }
}

@Suite struct PortActorTests {
    @Test(arguments: [
        (PortActor.customer("u-1"), #"{"id":"u-1","kind":"customer"}"#),
        (.ops("agent"), #"{"id":"agent","kind":"ops"}"#),
        (.carrier("SPID-1234"), #"{"id":"SPID-1234","kind":"carrier"}"#),
        (.system, #"{"kind":"system"}"#),
    ])
    func encodesAsKindAndId(actor: PortActor, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(actor)
        #expect(String(data: data, encoding: .utf8) == json)
        #expect(try JSONDecoder().decode(PortActor.self, from: data) == actor)
    }

    @Test func decodingANonSystemActorWithoutIdFails() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PortActor.self, from: Data(#"{"kind":"carrier"}"#.utf8))
        }
    }
}
