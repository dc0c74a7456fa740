import Foundation
import Testing
@testable import PortInCore

/// The intended table, written out independently of the implementation so a change to either is caught.
private let expectedPairs: Set<[PortStatus]> = [
    [.draft, .submitted], [.draft, .cancelled], [.draft, .expired],
    [.submitted, .carrierReview], [.submitted, .actionRequired], [.submitted, .cancelRequested],
    [.carrierReview, .pendingLosingCarrier], [.carrierReview, .actionRequired], [.carrierReview, .cancelRequested],
    [.pendingLosingCarrier, .focConfirmed], [.pendingLosingCarrier, .actionRequired],
    [.pendingLosingCarrier, .cancelRequested],
    [.focConfirmed, .focConfirmed], [.focConfirmed, .completed], [.focConfirmed, .actionRequired],
    [.focConfirmed, .cancelRequested],
    [.actionRequired, .submitted], [.actionRequired, .cancelled], [.actionRequired, .cancelRequested],
    [.actionRequired, .expired],
    [.cancelRequested, .cancelled], [.cancelRequested, .pendingLosingCarrier], [.cancelRequested, .focConfirmed],
]

private let at = Date(timeIntervalSince1970: 1_760_000_000)

/// An actor of the given kind with a recognisable id.
private func actor(_ kind: PortActor.Kind) -> PortActor {
    switch kind {
    case .customer: .customer("cust-1")
    case .ops: .ops("ops-7")
    case .carrier: .carrier("SPID-1234")
    case .system: .system
    }
}

@Suite struct PortStateMachineTests {
    @Test func tableMatchesTheIntendedPairs() {
        var actual = Set<[PortStatus]>()
        for (from, targets) in PortStateMachine.transitions {
            for to in targets { actual.insert([from, to]) }
        }
        #expect(actual == expectedPairs)
        #expect(Set(PortStateMachine.transitions.keys) == Set(PortStatus.allCases))
        #expect(PortStateMachine.rules.count == expectedPairs.count, "one rule per pair, no duplicates")
    }

    @Test(arguments: PortStatus.allCases, PortStatus.allCases)
    func everyPairIsAllowedOrRefusedNamingBothStates(from: PortStatus, to: PortStatus) throws {
        let allowed = expectedPairs.contains([from, to])
        #expect(PortStateMachine.canTransition(from: from, to: to) == allowed)
        if allowed {
            let rule = try #require(PortStateMachine.rule(from: from, to: to))
            // Every permitted kind, and ops, yields an event carrying exactly what was passed.
            for kind in rule.triggeredBy.union([.ops]) {
                let event = try PortStateMachine.transition(from: from, to: to, actor: actor(kind), at: at, reason: "why")
                #expect(event == PortEvent(from: from, to: to, actor: actor(kind), at: at, reason: "why"))
            }
        } else {
            // Even the most permissive caller (ops, with a reason) is refused.
            let error = #expect(throws: InvalidTransition.self) {
                try PortStateMachine.transition(from: from, to: to, actor: .ops("ops-7"), at: at, reason: "override")
            }
            #expect(error == InvalidTransition(from: from, to: to, cause: .notAllowed))
            let message = error?.description ?? ""
            #expect(message.contains(from.rawValue) && message.contains(to.rawValue))
        }
    }

    @Test(arguments: PortStatus.allCases.filter(\.isTerminal))
    func terminalStatusesHaveNoExits(status: PortStatus) {
        #expect(PortStateMachine.transitions[status]?.isEmpty == true)
        let hasRuleFromIt = PortStateMachine.rules.contains { $0.from == status }
        #expect(!hasRuleFromIt)
        for to in PortStatus.allCases {
            for kind in PortActor.Kind.allCases {
                #expect(throws: InvalidTransition.self) {
                    try PortStateMachine.transition(from: status, to: to, actor: actor(kind), at: at, reason: "x")
                }
            }
        }
    }

    @Test func everyNonTerminalStatusCanReachATerminalOne() {
        // No open request can get stuck: some path leads to completed, cancelled or expired.
        for start in PortStatus.allCases where !start.isTerminal {
            var seen: Set<PortStatus> = [start]
            var frontier = [start]
            while let next = frontier.popLast() {
                for to in PortStateMachine.transitions[next] ?? [] where seen.insert(to).inserted { frontier.append(to) }
            }
            let reachesTerminal = seen.contains { $0.isTerminal }
            #expect(reachesTerminal, "\(start) cannot reach a terminal status")
        }
    }

    @Test(arguments: [
        // (from, to, actor kind, allowed)
        (PortStatus.focConfirmed, PortStatus.completed, PortActor.Kind.customer, false),
        (.focConfirmed, .completed, .carrier, true),
        (.focConfirmed, .completed, .system, true),
        (.draft, .submitted, .carrier, false),
        (.draft, .submitted, .system, false),
        (.draft, .submitted, .customer, true),
        (.draft, .expired, .customer, false),
        (.pendingLosingCarrier, .focConfirmed, .customer, false),
        (.pendingLosingCarrier, .cancelRequested, .carrier, false),
        (.cancelRequested, .focConfirmed, .customer, false),
        (.cancelRequested, .pendingLosingCarrier, .carrier, true),
        (.actionRequired, .submitted, .carrier, false),
        (.actionRequired, .expired, .system, true),
        (.carrierReview, .actionRequired, .system, false),
    ])
    func actorKindsAreChecked(from: PortStatus, to: PortStatus, kind: PortActor.Kind, allowed: Bool) {
        let result = Result { () throws(InvalidTransition) in
            try PortStateMachine.transition(from: from, to: to, actor: actor(kind), at: at, reason: "given")
        }
        switch result {
        case .success(let event): #expect(allowed, "\(kind) should not trigger \(from) -> \(to)"); #expect(event.actor.kind == kind)
        case .failure(let error):
            #expect(!allowed, "\(error)")
            #expect(error.cause == .actorNotPermitted(kind))
            #expect(error.description.contains(kind.rawValue))
        }
    }

    @Test(arguments: [
        // (from, to, actor kind, reason, reason required)
        (PortStatus.submitted, PortStatus.actionRequired, PortActor.Kind.carrier, String?.none, true),
        (.pendingLosingCarrier, .actionRequired, .system, "   \n", true),
        (.focConfirmed, .focConfirmed, .carrier, nil, true),
        (.cancelRequested, .focConfirmed, .carrier, "", true),
        (.draft, .submitted, .ops, nil, true),
        (.draft, .submitted, .customer, nil, false),
        (.focConfirmed, .completed, .system, nil, false),
        (.cancelRequested, .cancelled, .carrier, nil, false),
    ])
    func reasonsAreRequiredWhereDocumented(from: PortStatus, to: PortStatus, kind: PortActor.Kind,
                                           reason: String?, required: Bool) throws {
        if required {
            let error = #expect(throws: InvalidTransition.self) {
                try PortStateMachine.transition(from: from, to: to, actor: actor(kind), at: at, reason: reason)
            }
            #expect(error?.cause == .reasonRequired)
            // The same move with a reason goes through.
            _ = try PortStateMachine.transition(from: from, to: to, actor: actor(kind), at: at, reason: "FOC moved")
        } else {
            let event = try PortStateMachine.transition(from: from, to: to, actor: actor(kind), at: at, reason: reason)
            #expect(event.reason == nil)
        }
    }

    @Test func reasonsAreTrimmedAndBlankBecomesNil() throws {
        let event = try PortStateMachine.transition(from: .draft, to: .submitted, actor: .customer("c"), at: at,
                                                    reason: "  first submission \n")
        #expect(event.reason == "first submission")
        let blank = try PortStateMachine.transition(from: .draft, to: .submitted, actor: .customer("c"), at: at,
                                                    reason: "   ")
        #expect(blank.reason == nil)
    }

    @Test func onlyFOCConfirmedHasASelfTransition() {
        let selfLoops = PortStatus.allCases.filter { PortStateMachine.canTransition(from: $0, to: $0) }
        #expect(selfLoops == [.focConfirmed])
    }

    @Test func eventsRoundTripThroughJSON() throws {
        let event = try PortStateMachine.transition(from: .pendingLosingCarrier, to: .actionRequired,
                                                    actor: .carrier("SPID-1234"), at: at, reason: "address mismatch")
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(PortEvent.self, from: data) == event)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"action_required\"") && json.contains("\"pending_losing_carrier\""))
    }
}
