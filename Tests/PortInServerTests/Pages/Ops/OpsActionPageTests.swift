import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The ops console's action forms over real HTTP: each through OpsActionService and the API's input
/// readers; a refusal shows every problem at once and changes nothing.
@Suite("Ops console: actions")
struct OpsActionPageTests {
    /// A request waiting on the carrier (`carrier_review`), its customer's browser, and an ops browser on its page.
    static func setUp(_ service: TestService, number: String) async throws
        -> (id: String, auth: Credentials, customer: TestBrowser, ops: TestBrowser) {
        let (_, auth, customer) = try await service.signedInCustomer()
        try service.addSubscriber(numbers: [number])
        let sent = try await service.submitToCarrier(auth, numbers: [number])
        let id = try #require(sent["id"] as? String)
        let ops = try await service.signedInOps()
        _ = try await ops.get("/ops/requests/\(id)")
        return (id, auth, customer, ops)
    }

    @Test("a private note stays with the porting team; a comment reaches the customer's page and API", arguments: TestBackend.available)
    func notesAndComments(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, auth, customer, ops) = try await Self.setUp(service, number: "+12175220951")
            let path = "/ops/requests/\(id)"
            let note = try await ops.post(path + "/notes", [("body", "Carrier rep says the LOA is smudged: call Tuesday")])
            #expect(note.status == 303 && note.location == path + "?done=note")
            let comment = try await ops.post(path + "/comments", [("body", "We are chasing the carrier for you.")])
            #expect(comment.status == 303)
            let page = try await ops.get(path)
            let notes = try #require(page.text.components(separatedBy: "Private notes (porting team only)").last)
            #expect(notes.contains("Carrier rep says the LOA is smudged"))
            let comments = try #require(page.text.components(separatedBy: "Comments with the customer").last?
                .components(separatedBy: "Private notes").first)
            #expect(comments.contains("We are chasing the carrier for you.") && !comments.contains("smudged"))

            let customerPage = try await customer.get("/app/requests/\(id)")
            #expect(customerPage.status == 200)
            #expect(customerPage.text.contains("We are chasing the carrier for you.") && !customerPage.text.contains("smudged"))
            let account = try #require(try await service.store.portRequests.opsFind(id: id)).accountId
            let api = try await service.send(.GET, "/v1/port-requests/\(id)/comments", auth: auth)
            #expect(api.status == 200 && api.text.contains("We are chasing") && !api.text.contains("smudged"))
            // Only the customer comment is on the customer's timeline and in their email.
            #expect(try await service.outboxEmails(.commentAdded, request: id).count == 1)

            // An empty note: refused at its field, nothing stored.
            let empty = try await ops.post(path + "/notes", [("body", "  ")])
            expectPage(empty, status: 422, contains: ["Error: This field is required.", "nothing was changed"])
            #expect(try await service.store.comments.list(requestId: id, accountId: account, includeInternal: true).count == 2)
        }
    }

    @Test("reject with catalog codes: the customer sees each reason at its field, never the private note", arguments: TestBackend.available)
    func reject(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, _, customer, ops) = try await Self.setUp(service, number: "+12175220961")
            let path = "/ops/requests/\(id)"
            _ = try await ops.post(path + "/notes", [("body", "internal: suspected slamming")])
            let answer = try await ops.post(path + "/rejections", [
                ("reasons.0.code", "zip_mismatch"), ("reasons.0.note", "Your bill says 62702."),
                ("reasons.1.code", "loa_illegible_or_unsigned"), ("reasons.1.field", ""), ("reasons.2.code", ""),
                ("reject_message", "Two things to fix before we resend."),
            ])
            #expect(answer.status == 303 && answer.location == path + "?done=rejected", "\(answer.text.prefix(2000))")
            let stored = try #require(try await service.store.portRequests.opsFind(id: id))
            #expect(stored.status == .actionRequired)
            #expect(stored.reasons.map(\.code) == [.zipMismatch, .loaIllegibleOrUnsigned])
            #expect(stored.reasons.first?.message == "Your bill says 62702.")

            let page = try await customer.get("/app/requests/\(id)")
            let zip = try #require(PageHTML.fieldBlock(page.text, field: "service_address.postal_code"))
            #expect(zip.contains(HTML.escape(RejectionCatalog.entry(for: .zipMismatch).title)) && zip.contains("Your bill says 62702."))
            #expect(page.text.contains("Two things to fix before we resend."))
            #expect(!page.text.contains("suspected slamming"))
        }
    }

    @Test("a refused rejection lists every problem at once and changes nothing", arguments: TestBackend.available)
    func rejectRefused(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, _, _, ops) = try await Self.setUp(service, number: "+12175220971")
            let path = "/ops/requests/\(id)"
            let before = try #require(try await service.store.portRequests.opsFind(id: id))
            let eventsBefore = try await service.store.events.list(requestId: id, accountId: before.accountId).count
            let answer = try await ops.post(path + "/rejections", [
                ("reasons.0.code", "not_a_code"), ("reasons.1.field", "bad field!"), ("reject_message", ""),
            ])
            expectPage(answer, status: 422, contains: ["Not rejected: 4 problems", "nothing was changed"])
            for field in ["reasons.0.code", "reasons.1.code", "reasons.1.field", "reject_message"] {
                #expect(answer.text.contains("href=\"#\(FormParts.id(field))\""), "\(field)")
            }
            // What was sent comes back.
            #expect(answer.text.contains("value=\"bad field!\""))
            let after = try #require(try await service.store.portRequests.opsFind(id: id))
            #expect(after.status == before.status && after.reasons == before.reasons && after.version == before.version)
            #expect(try await service.store.events.list(requestId: id, accountId: before.accountId).count == eventsBefore)

            // Nothing chosen at all.
            let none = try await ops.post(path + "/rejections", [("reject_message", "x")])
            expectPage(none, status: 422, contains: ["Choose at least one rejection code."])
        }
    }

    @Test("request documents: codes must be about the document; the happy path moves to action required", arguments: TestBackend.available)
    func requestDocuments(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, _, _, ops) = try await Self.setUp(service, number: "+12175220981")
            let path = "/ops/requests/\(id)"
            let refused = try await ops.post(path + "/document-requests", [
                ("documents.invoice", "on"), ("documents.invoice.code", "zip_mismatch"), ("documents_message", ""),
            ])
            expectPage(refused, status: 422, contains: ["Nothing was asked: 2 problems", "href=\"#\(FormParts.id("documents.invoice.code"))\"",
                                                         "href=\"#\(FormParts.id("documents_message"))\""])
            let nothing = try await ops.post(path + "/document-requests", [("documents_message", "Please")])
            expectPage(nothing, status: 422, contains: ["Name at least one document."])
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .carrierReview)

            let answer = try await ops.post(path + "/document-requests", [
                ("documents.loa", "on"), ("documents.loa.code", "loa_illegible_or_unsigned"), ("documents.loa.note", "Signature cut off"),
                ("documents_message", "We need a clean LOA."),
            ])
            #expect(answer.status == 303, "\(answer.text.prefix(2000))")
            let stored = try #require(try await service.store.portRequests.opsFind(id: id))
            #expect(stored.status == .actionRequired && stored.reasons.map(\.field) == ["documents.loa"])
        }
    }

    @Test("move with a reason: only allowed targets, the reason required, nothing changed on refusal", arguments: TestBackend.available)
    func move(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, _, _, ops) = try await Self.setUp(service, number: "+12175220991")
            let path = "/ops/requests/\(id)"
            let page = try await ops.get(path)
            // The form offers the state machine's targets from carrier_review only.
            let select = try #require(page.text.components(separatedBy: "name=\"move_to\"").last?.components(separatedBy: "</select>").first)
            #expect(select.contains("value=\"pending_losing_carrier\"") && select.contains("value=\"cancel_requested\""))
            #expect(!select.contains("value=\"completed\"") && !select.contains("value=\"draft\""))

            let missing = try await ops.post(path + "/transitions", [("move_to", "pending_losing_carrier"), ("move_reason", "")])
            expectPage(missing, status: 422, contains: ["href=\"#\(FormParts.id("move_reason"))\""])
            let notAllowed = try await ops.post(path + "/transitions", [("move_to", "completed"), ("move_reason", "done")])
            expectPage(notAllowed, status: 409, contains: ["Not allowed in this status"])
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .carrierReview)

            let moved = try await ops.post(path + "/transitions", [("move_to", "pending_losing_carrier"), ("move_reason", "Carrier confirmed by phone")])
            #expect(moved.status == 303)
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .pendingLosingCarrier)
            let events = try await service.store.events.list(requestId: id, accountId: try #require(try await service.store.portRequests.opsFind(id: id)).accountId)
            #expect(events.last?.reason == "Carrier confirmed by phone" && events.last?.actor.kind == .ops)
        }
    }

    @Test("cancel needs a reason; a draft closes at once", arguments: TestBackend.available)
    func cancel(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220995"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220995"])
            let ops = try await service.signedInOps()
            let path = "/ops/requests/\(id)"
            _ = try await ops.get(path)
            let refused = try await ops.post(path + "/cancel", [("cancel_reason", "")])
            expectPage(refused, status: 422, contains: ["href=\"#\(FormParts.id("cancel_reason"))\""])
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .draft)
            let done = try await ops.post(path + "/cancel", [("cancel_reason", "Customer asked by phone")])
            #expect(done.status == 303)
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .cancelled)
        }
    }

    @Test("a form without this session's CSRF token is refused before anything happens", arguments: TestBackend.available)
    func csrf(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (id, _, _, ops) = try await Self.setUp(service, number: "+12175220997")
            let path = "/ops/requests/\(id)"
            for token in [TestBrowser.CSRF.none, .value("forged-token")] {
                expectPage(try await ops.post(path + "/notes", [("body", "sneaky")], csrf: token), status: 403, contains: ["This form has expired"])
                expectPage(try await ops.post(path + "/rejections", [("reasons.0.code", "zip_mismatch"), ("reject_message", "x")], csrf: token),
                           status: 403)
            }
            let stored = try #require(try await service.store.portRequests.opsFind(id: id))
            #expect(stored.status == .carrierReview)
            #expect(try await service.store.comments.list(requestId: id, accountId: stored.accountId, includeInternal: true).isEmpty)
        }
    }
}
