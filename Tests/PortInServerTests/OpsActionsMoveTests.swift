import Foundation
import NIOHTTP1
import PortInCore
import Testing
@testable import PortInServer

@Suite("Ops actions: document requests and moves")
struct OpsActionsMoveTests {
    @Test("requesting documents moves the request to action_required with a reason per document field, and tells the customer",
          arguments: TestBackend.available)
    func requestDocuments(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let opsId = try #require(try await service.store.users.find(email: "ops@portin.test")?.id)
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220801"])
            let id = try await service.createOne(auth, numbers: ["+12175220801"]).id
            try await service.force(id, through: [.submitted, .carrierReview, .pendingLosingCarrier])
            let message = "We need a signed LOA and your latest invoice."
            let body: [String: Any] = [
                "documents": [["kind": "loa", "code": "loa_illegible_or_unsigned", "note": "The signature is cut off."],
                              ["kind": "invoice"]],
                "message": message,
            ]
            let response = try await service.send(.POST, "/v1/ops/port-requests/\(id)/document-requests", auth: ops, json: body)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.json["status"] as? String == "action_required")
            let reasons = response.json["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.compactMap { $0["field"] as? String } == ["documents.loa", "documents.invoice"])
            #expect(reasons.compactMap { $0["code"] as? String } == ["loa_illegible_or_unsigned", "document_missing"])
            #expect(reasons.allSatisfy { ($0["fix_hint"] as? String)?.isEmpty == false })
            #expect(try await service.read(auth, id)["status"] as? String == "action_required")

            let emails = try await service.outboxEmails(.actionRequired, request: id)
            #expect(emails.count == 1)
            let notification = try #require(emails.first?.notification)
            #expect(notification.message == message)
            #expect(notification.reasons.map(\.field) == ["documents.loa", "documents.invoice"])
            #expect(notification.reasons.first?.carrierMessage == "The signature is cut off.")
            #expect(notification.reasons.last?.title == "Document needed")

            let events = try await service.send(.GET, "/v1/ops/port-requests/\(id)/events", auth: ops).items
            let moved = try #require(events.last)
            #expect(moved["type"] as? String == "status_changed")
            #expect(moved["from"] as? String == "pending_losing_carrier")
            #expect(moved["to"] as? String == "action_required")
            #expect(moved["actor"] as? String == "ops")
            #expect(moved["actor_id"] as? String == opsId)
            #expect(moved["reason"] as? String == message)
        }
    }

    @Test("after a document request the customer resubmits while the carrier still holds the order: it goes out as version 2",
          arguments: TestBackend.available)
    func resubmitAfterDocumentRequest(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220811"])
            let sent = try await service.submitToCarrier(auth, numbers: ["+12175220811"])
            let id = try #require(sent["id"] as? String)
            let body: [String: Any] = ["documents": [["kind": "invoice"]], "message": "Please upload a newer invoice."]
            #expect(try await service.send(.POST, "/v1/ops/port-requests/\(id)/document-requests", auth: ops, json: body).status == 200)
            // The carrier reports the numbers as pending a port: the request's own order, which the supplement corrects.
            let check = try await service.send(.POST, "/v1/portability-checks", auth: auth, json: ["numbers": ["+12175220811"]])
            #expect((check.json["results"] as? [[String: Any]])?.first?["reason"] as? String == "pending_port")
            let today = BusinessCalendar.usFederal.localDate(of: service.clock.now())
            #expect(try await service.upload(auth, requestId: id, kind: "invoice",
                                             fields: [("invoice_date", today.adding(days: -3).description)]).status == 201)
            let resubmitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(resubmitted.status == 200, "\(resubmitted.text)")
            #expect(resubmitted.json["version"] as? Int == 2)
            try await service.runner.runDue()
            #expect(try await service.read(auth, id)["status"] as? String == "carrier_review")
        }
    }

    @Test("document requests: every bad field at once, 409 naming both statuses for a draft, 404 for an unknown id",
          arguments: TestBackend.available)
    func documentRequestRefusals(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220811"])
            let id = try await service.createOne(auth, numbers: ["+12175220811"]).id
            let path = "/v1/ops/port-requests/\(id)/document-requests"
            expectProblem(try await service.send(.POST, path, auth: ops, json: ["documents": [Any]()]), status: 422,
                          fields: ["documents", "message"])
            let bad: [String: Any] = [
                "documents": [["kind": "fax"], ["kind": "loa", "code": "invoice_too_old"], "loa", ["note": "x"],
                              ["kind": "invoice", "code": "no_such_code"]],
                "message": "",
            ]
            expectProblem(try await service.send(.POST, path, auth: ops, json: bad), status: 422,
                          fields: ["documents[0].kind", "documents[1].code", "documents[2]", "documents[3].kind", "documents[4].code",
                                   "message"])
            let good: [String: Any] = ["documents": [["kind": "loa"]], "message": "Upload the LOA."]
            let draft = try await service.send(.POST, path, auth: ops, json: good)
            expectProblem(draft, status: 409, code: "invalid_transition")
            let detail = draft.json["detail"] as? String ?? ""
            #expect(detail.contains("draft") && detail.contains("action_required"), "\(detail)")
            expectProblem(try await service.send(.POST, "/v1/ops/port-requests/pr_unknown/document-requests", auth: ops, json: good),
                          status: 404, code: "not_found")
            expectProblem(try await service.send(.POST, path, auth: auth, json: good), status: 403, code: "ops_only")
            #expect(try await service.read(auth, id)["status"] as? String == "draft")
            #expect(try await service.outboxEmails().isEmpty)
        }
    }

    @Test("ops confirm a FOC by hand and then completion: reason on the timeline, reminder and provisioning scheduled, numbers active",
          arguments: TestBackend.available)
    func moveThroughFOCToCompleted(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let opsId = try #require(try await service.store.users.find(email: "ops@portin.test")?.id)
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220821", "+12175220822"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            try await service.force(id, through: [.submitted, .carrierReview, .pendingLosingCarrier])
            let path = "/v1/ops/port-requests/\(id)/transitions"

            let foc = try await service.send(.POST, path, auth: ops,
                                             json: ["to": "foc_confirmed", "foc_date": "2027-03-16", "reason": "FOC given by phone"])
            #expect(foc.status == 200, "\(foc.text)")
            #expect(foc.json["status"] as? String == "foc_confirmed")
            #expect(foc.json["foc_date"] as? String == "2027-03-16")
            #expect(try await service.jobs(.focReminder).map(\.runAt) == [TestService.instant("2027-03-15T04:00:00Z")])
            #expect(try await service.jobs(.provisionNumbers).count == 1)
            #expect(try await service.outboxEmails(.focConfirmed, request: id).count == 1)

            let done = try await service.send(.POST, path, auth: ops, json: ["to": "completed", "reason": "Carrier confirmed activation"])
            #expect(done.status == 200, "\(done.text)")
            #expect(done.json["status"] as? String == "completed")
            let inventory = try await service.send(.GET, "/v1/numbers?status=active", auth: auth).items
            #expect(Set(inventory.compactMap { $0["number"] as? String }) == Set(numbers))
            #expect(try await service.outboxEmails(.completed, request: id).count == 1)

            let moves = try await service.send(.GET, "/v1/ops/port-requests/\(id)/events", auth: ops).items
                .filter { $0["actor"] as? String == "ops" }
            #expect(moves.compactMap { $0["to"] as? String } == ["foc_confirmed", "completed"])
            #expect(moves.compactMap { $0["reason"] as? String } == ["FOC given by phone", "Carrier confirmed activation"])
            #expect(moves.allSatisfy { $0["actor_id"] as? String == opsId })
            // The customer sees the same moves (by the porting team) on their timeline.
            let customerTimeline = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth).items
            #expect(customerTimeline.filter { $0["actor"] as? String == "ops" }.count == 2)
        }
    }

    @Test("moves: a draft cancelled by ops frees its numbers; refused transitions are 409 naming both; bad bodies 422; unknown 404",
          arguments: TestBackend.available)
    func moveRefusals(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            let numbers = ["+12175220831"]
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createOne(auth, numbers: numbers).id
            let path = "/v1/ops/port-requests/\(id)/transitions"

            expectProblem(try await service.send(.POST, path, auth: ops, json: [String: Any]()), status: 422, fields: ["to", "reason"])
            expectProblem(try await service.send(.POST, path, auth: ops, json: ["to": "lost", "reason": " "]), status: 422,
                          fields: ["to", "reason"])
            expectProblem(try await service.send(.POST, path, auth: ops, json: ["to": "foc_confirmed", "reason": "FOC"]), status: 422,
                          fields: ["foc_date"])
            expectProblem(try await service.send(.POST, path, auth: ops,
                                                 json: ["to": "foc_confirmed", "reason": "FOC", "foc_date": "2027-02-26"]),
                          status: 422, fields: ["foc_date"])
            expectProblem(try await service.send(.POST, path, auth: ops,
                                                 json: ["to": "foc_confirmed", "reason": "FOC", "foc_date": "2027-03-06"]),
                          status: 422, fields: ["foc_date"])
            expectProblem(try await service.send(.POST, path, auth: ops,
                                                 json: ["to": "cancelled", "reason": "x", "foc_date": "2027-03-16"]),
                          status: 422, fields: ["foc_date"])

            let refused = try await service.send(.POST, path, auth: ops, json: ["to": "completed", "reason": "done elsewhere"])
            expectProblem(refused, status: 409, code: "invalid_transition")
            let detail = refused.json["detail"] as? String ?? ""
            #expect(detail.contains("from draft to completed"), "\(detail)")
            expectProblem(try await service.send(.POST, "/v1/ops/port-requests/pr_unknown/transitions", auth: ops,
                                                 json: ["to": "cancelled", "reason": "x"]),
                          status: 404, code: "not_found")
            expectProblem(try await service.send(.POST, path, auth: auth, json: ["to": "cancelled", "reason": "x"]), status: 403,
                          code: "ops_only")
            #expect(try await service.read(auth, id)["status"] as? String == "draft")

            let cancelled = try await service.send(.POST, path, auth: ops, json: ["to": "cancelled", "reason": "Customer asked by phone"])
            #expect(cancelled.status == 200, "\(cancelled.text)")
            #expect(cancelled.json["status"] as? String == "cancelled")
            let last = try #require(try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth).items.last)
            #expect(last["actor"] as? String == "ops")
            #expect(last["reason"] as? String == "Customer asked by phone")
            #expect(try await service.outboxEmails(.cancelled, request: id).count == 1)
            #expect(try await service.create(auth, numbers: numbers).status == 201, "the number is free again")
            // Terminal: nothing leaves cancelled.
            let again = try await service.send(.POST, path, auth: ops, json: ["to": "draft", "reason": "undo"])
            expectProblem(again, status: 409, code: "invalid_transition")
        }
    }
}
