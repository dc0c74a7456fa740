import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Reading one port request")
struct GetPortRequestTests {
    @Test("the full body: fields, pin_provided, documents, numbers with status, pon and version", arguments: TestBackend.available)
    func fullBody(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220181", "+12175220182"], pin: "8642")
            var fields = TestService.requestFields(btn: "+12175220181", pin: "8642")
            fields["requested_foc_date"] = "2027-03-15"
            fields["notification_emails"] = ["NOC@Acme.test", "ops@acme.test"]
            let created = try await service.createOne(auth, numbers: ["217.522.0181", "+1 (217) 522-0182"], fields: fields)
            let id = created.id
            let loa = try await service.upload(auth, requestId: id, kind: "loa",
                                               fields: [("signed_by", "Jane Roe"), ("signed_on", "2027-02-26")])
            #expect(loa.status == 201, "\(loa.text)")

            let response = try await service.send(.GET, "/v1/port-requests/\(id)", auth: auth)
            #expect(response.status == 200)
            #expect(response.contentType == "application/json")
            let body = response.json
            #expect(body["id"] as? String == id)
            #expect(body["group_id"] as? String == created["group_id"] as? String)
            #expect(body["account_id"] as? String == account.id)
            #expect(body.status == "draft")
            #expect(body["kind"] as? String == "local")
            #expect(body["country"] as? String == "US")
            #expect(body["subscriber_type"] as? String == "business")
            #expect(body["business_name"] as? String == "Acme Widgets LLC")
            let person = body["authorized_person"] as? [String: Any]
            #expect(person?["name"] as? String == "Jane Roe")
            #expect(person?["title"] as? String == "CTO")
            #expect(person?["email"] as? String == "jane@acme.test")
            let address = body["service_address"] as? [String: Any]
            #expect(address?["house_number"] as? String == "12")
            #expect(address?["unit"] as? String == "Suite 200")
            #expect(address?["postal_code"] as? String == "62701")
            #expect(address?["country"] as? String == "US")
            #expect(body["account_number"] as? String == "GT-552201")
            #expect(body["btn"] as? String == "+12175220181")
            #expect(body["partial_port"] as? Bool == false)
            #expect(body["requested_foc_date"] as? String == "2027-03-15")
            #expect(body["customer_reference"] as? String == "ticket-7")
            #expect(body["notification_emails"] as? [String] == ["noc@acme.test", "ops@acme.test"])
            #expect(body["pin_provided"] as? Bool == true)
            #expect(body["pin"] == nil)
            #expect(!response.text.contains("8642"))

            let numbers = body["numbers"] as? [[String: Any]] ?? []
            #expect(numbers.map { $0["number"] as? String } == ["+12175220181", "+12175220182"])
            #expect(numbers.allSatisfy { $0["status"] as? String == "pending" })
            #expect(body["number_type"] as? String == "geographic")
            #expect(body.losingSPID == "7202")
            let pon = try #require(body["pon"] as? String)
            #expect(pon.hasPrefix("PI") && pon.count == 12)
            #expect(body["version"] as? Int == 0)
            #expect((body["reasons"] as? [Any])?.isEmpty == true)
            #expect(body["created_at"] as? String == "2027-03-01T15:00:00.000Z")
            #expect(body["updated_at"] is String)

            let documents = body["documents"] as? [[String: Any]] ?? []
            #expect(documents.count == 1)
            #expect(documents.first?["id"] as? String == loa.json["id"] as? String)
            #expect(documents.first?["kind"] as? String == "loa")
            #expect(documents.first?["content_type"] as? String == "application/pdf")
            #expect(documents.first?["signed_by"] as? String == "Jane Roe")
            #expect(documents.first?["signed_on"] as? String == "2027-02-26")
            #expect(documents.first?["size"] as? Int == TestService.minimalPDF.count)
        }
    }

    @Test("an unknown id, or another account's, is 404", arguments: TestBackend.available)
    func notFound(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220183"])
            let id = try await service.createOne(auth, numbers: ["+12175220183"]).id
            for (who, path) in [(other, "/v1/port-requests/\(id)"), (auth, "/v1/port-requests/pr_nothing")] {
                let response = try await service.send(.GET, path, auth: who)
                #expect(response.status == 404)
                #expect(response.problemCode == "not_found")
            }
            let unauthenticated = try await service.send(.GET, "/v1/port-requests/\(id)")
            #expect(unauthenticated.status == 401)
        }
    }
}
