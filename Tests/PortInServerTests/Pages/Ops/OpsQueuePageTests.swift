import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The ops console's queue and search over real HTTP, on the manual clock.
@Suite("Ops console: queue and search")
struct OpsQueuePageTests {
    @Test("the queue filters by status, counts age in business days since the status was entered, and flags what is overdue",
          arguments: TestBackend.available)
    func queue(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount(name: "Prairie Books")
            try service.addSubscriber(numbers: ["+12175220901"])
            let waiting = try await service.submitToCarrier(auth, numbers: ["+12175220901"])
            let waitingPON = try #require(waiting["pon"] as? String)
            try service.addSubscriber(numbers: ["+12175220902"], accountNumber: "GT-552209")
            let draft = try await service.createOne(auth, numbers: ["+12175220902"])
            let draftPON = try #require(try await service.store.portRequests.opsFind(id: draft.id)?.pon)

            // Monday 2027-03-01 to Thursday 2027-03-11: 8 business days, past the watchdog's 7.
            service.clock.advance(by: 10 * 86_400)
            let ops = try await service.signedInOps()
            let reviewing = try await ops.get("/ops?status=carrier_review")
            expectPage(reviewing, status: 200, contains: ["Queue: Partner carrier checking", "Granite Telephone"])
            let row = try #require(TestService.queueRow(reviewing.text, pon: waitingPON))
            #expect(row.contains("class=\"overdue\""), "\(row)")
            #expect(row.contains("8 business days"))
            #expect(row.contains("No carrier answer for 8 business days (limit \(Watchdogs.noAnswerBusinessDays))"))
            #expect(row.contains("Prairie Books") && row.contains(">1</td>"))
            #expect(TestService.queueRow(reviewing.text, pon: draftPON) == nil)

            let drafts = try await ops.get("/ops?status=draft")
            let draftRow = try #require(TestService.queueRow(drafts.text, pon: draftPON))
            #expect(!draftRow.contains("overdue") && draftRow.contains("On time") && draftRow.contains("8 business days"))
            #expect(TestService.queueRow(drafts.text, pon: waitingPON) == nil)

            // The watchdog raises its alert: the row names it and the alerts panel lists it.
            try await service.runner.runDue()
            let all = try await ops.get("/ops")
            let flagged = try #require(TestService.queueRow(all.text, pon: waitingPON))
            #expect(flagged.contains("Open ops alert: no carrier answer"), "\(flagged)")
            #expect(all.text.contains("Latest ops alerts") && all.text.contains(waitingPON + " v1"))
            #expect(all.text.contains("All (2)") && all.text.contains("Draft (1)"))

            // A port date on the next business day, not yet activated.
            let foc = try await service.store.portRequests.opsFind(id: draft.id)
            try await service.force(draft.id, through: [.submitted, .carrierReview, .pendingLosingCarrier])
            let tomorrow = BusinessCalendar.usFederal.nextBusinessDay(after: BusinessCalendar.usFederal.localDate(of: service.clock.now()))
            _ = try await service.store.portRequests.transition(
                id: draft.id, change: StatusChange(from: .pendingLosingCarrier, to: .focConfirmed, focDate: tomorrow), now: service.clock.now())
            let confirmed = try await ops.get("/ops?status=foc_confirmed")
            let focPON = try #require(foc?.pon)
            let focRow = try #require(TestService.queueRow(confirmed.text, pon: focPON))
            #expect(focRow.contains("Ports on the next business day (\(tomorrow)), not activated yet"), "\(focRow)")
        }
    }

    @Test("one search box finds requests by number in any format, PON, account id and part of the account name",
          arguments: TestBackend.available)
    func search(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (acme, acmeAuth) = try await service.makeAccount(name: "Acme Widgets")
            let (_, prairieAuth) = try await service.makeAccount(name: "Prairie Books")
            try service.addSubscriber(numbers: ["+12175220911"])
            try service.addSubscriber(numbers: ["+13122240912"], accountNumber: "GT-552291")
            let first = try await service.createOne(acmeAuth, numbers: ["+12175220911"])
            let second = try await service.createOne(prairieAuth, numbers: ["+13122240912"])
            let firstPON = try #require(try await service.store.portRequests.opsFind(id: first.id)?.pon)
            let secondPON = try #require(try await service.store.portRequests.opsFind(id: second.id)?.pon)
            let ops = try await service.signedInOps()

            func found(_ query: String) async throws -> (first: Bool, second: Bool, text: String) {
                let page = try await ops.get("/ops?q=" + TestBrowser.encode(query))
                #expect(page.status == 200)
                return (TestService.queueRow(page.text, pon: firstPON) != nil, TestService.queueRow(page.text, pon: secondPON) != nil, page.text)
            }
            for query in ["(217) 522-0911", "217.522.0911", "+1 217 522 0911", "12175220911"] {
                let result = try await found(query)
                #expect(result.first && !result.second, "\(query)")
                #expect(result.text.contains("number +1 217 522 0911"))
            }
            let byPON = try await found(secondPON.lowercased())
            #expect(!byPON.first && byPON.second)
            let byId = try await found(acme.id)
            #expect(byId.first && !byId.second && byId.text.contains("account Acme Widgets"))
            let byName = try await found("prairie")
            #expect(!byName.first && byName.second && byName.text.contains("accounts named like"))
            // LIKE's wildcards are literal: "%" matches no name.
            let wildcard = try await found("%")
            #expect(!wildcard.first && !wildcard.second && wildcard.text.contains("no PON, number or account"))
        }
    }
}
