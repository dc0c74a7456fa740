import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The ops console's request detail: the CSR diff through the gateway, documents inline, the
/// internal timeline, and who may see it.
@Suite("Ops console: request detail")
struct OpsRequestPageTests {
    @Test("the detail shows the CSR diff per field with mismatches highlighted (never the PIN) and documents inline",
          arguments: TestBackend.available)
    func detail(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220921"], pin: "8642")
            var fields = TestService.requestFields(btn: "+12175220921", pin: "8642")
            fields["service_address"] = ["house_number": "12", "street": "Elm Ave", "unit": "Suite 200", "city": "Springfield",
                                         "state": "IL", "postal_code": "62701", "country": "US"]
            let id = try await service.createOne(auth, numbers: ["+12175220921"], fields: fields).id
            try await service.attachPaperwork(auth, requestId: id)
            let png = try await service.upload(auth, requestId: id, kind: "other", data: SampleFiles.png(), filename: "photo.png")
            #expect(png.status == 201)
            let ops = try await service.signedInOps()
            let page = try await ops.get("/ops/requests/\(id)")
            expectPage(page, status: 200, contains: ["Request vs the losing carrier", "1 field differs", "Granite Telephone"])
            let html = page.text
            #expect(html.contains("<tr class=\"mismatch\" data-field=\"service_address.street\"><th scope=\"row\">Street</th><td>Elm Ave</td><td>Main St</td>"))
            #expect(html.contains("<tr class=\"match\" data-field=\"business_name\">"))
            #expect(html.contains("<tr class=\"match\" data-field=\"account_number\">"))
            #expect(!html.contains("8642"), "the PIN is never shown")
            #expect(html.contains("On file (never shown)"))

            // Documents: the PDF in a frame, the image inline, both from the ops document route.
            let stored = try #require(try await service.store.requestWithDocuments(id: id, accountId: nil)).1
            let pdf = try #require(stored.first { $0.contentType == "application/pdf" })
            let image = try #require(stored.first { $0.contentType == "image/png" })
            #expect(html.contains("<iframe src=\"/ops/requests/\(id)/documents/\(pdf.id)\""))
            #expect(html.contains("<img src=\"/ops/requests/\(id)/documents/\(image.id)\""))
            let file = try await ops.get("/ops/requests/\(id)/documents/\(pdf.id)")
            #expect(file.status == 200 && file.contentType == "application/pdf")
            #expect(file.headers.first(name: "Content-Disposition")?.hasPrefix("inline") == true)
            #expect(file.headers.first(name: "Content-Security-Policy") == "frame-ancestors 'self'")
            #expect(file.headers.first(name: "X-Frame-Options") == "SAMEORIGIN")
            #expect(file.body == SampleFiles.pdf() || file.body.starts(with: Data("%PDF".utf8)))
            // The pages themselves still refuse framing.
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            expectPage(try await ops.get("/ops/requests/\(id)/documents/doc_unknown"), status: 404)
            expectPage(try await ops.get("/ops/requests/pr_unknown"), status: 404)
        }
    }

    @Test("the ops timeline shows carrier events and alerts the customer's page leaves out", arguments: TestBackend.available)
    func internalTimeline(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, customer) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220931"])
            let sent = try await service.submitToCarrier(auth, numbers: ["+12175220931"])
            let id = try #require(sent["id"] as? String)
            service.clock.advance(by: 10 * 86_400)
            try await service.runner.runDue()
            let ops = try await service.signedInOps()
            let page = try await ops.get("/ops/requests/\(id)")
            expectPage(page, status: 200, contains: ["Ops alert", "No answer from the carrier for 7 business days", "internal", "Overdue"])
            #expect(try await customer.signIn("jo@acme.test", "correct horse battery").status == 303)
            let customerPage = try await customer.get("/app/requests/\(id)")
            #expect(customerPage.status == 200 && !customerPage.text.contains("No answer from the carrier for 7 business days"))
        }
    }

    @Test("customers get 403 on every ops page and action, anonymous visitors go to sign in", arguments: TestBackend.available)
    func access(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth, customer) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220941"])
            let id = try await service.createRequestId(auth: auth, numbers: ["+12175220941"])
            _ = try await customer.get("/app")
            for path in ["/ops", "/ops/carriers", "/ops/requests/\(id)", "/ops/requests/\(id)/documents/doc_x", "/ops?q=acme"] {
                expectPage(try await customer.get(path), status: 403, contains: ["For the porting team only"])
                #expect(try await TestBrowser(service).get(path).location == "/login", "\(path)")
            }
            for action in ["comments", "notes", "document-requests", "rejections", "transitions", "cancel"] {
                let answer = try await customer.post("/ops/requests/\(id)/\(action)", [("body", "x"), ("move_to", "cancelled"), ("move_reason", "x")])
                expectPage(answer, status: 403, contains: ["For the porting team only"])
            }
            expectPage(try await customer.post("/ops/jobs/job_x/retry", []), status: 403)
            #expect(try await service.store.portRequests.opsFind(id: id)?.status == .draft)
            let accountId = try #require(try await service.store.portRequests.opsFind(id: id)?.accountId)
            #expect(try await service.store.comments.list(requestId: id, accountId: accountId, includeInternal: true).isEmpty)
        }
    }
}
