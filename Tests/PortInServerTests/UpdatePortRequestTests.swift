import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

@Suite("Correcting port requests (PATCH)")
struct UpdatePortRequestTests {
    @Test("absent fields are kept, null clears, values replace; the PIN shows only as pin_provided", arguments: TestBackend.available)
    func patchSemantics(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220191"])
            let id = try await service.createOne(auth, numbers: ["+12175220191"], pin: "2468").id

            let first = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: [
                "customer_reference": "ticket-8", "business_name": NSNull(), "pin": NSNull(),
                "authorized_person": ["name": "John Doe"], "requested_foc_date": "2027-03-19",
            ])
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json["customer_reference"] as? String == "ticket-8")
            #expect(first.json["business_name"] == nil || first.json["business_name"] is NSNull)
            #expect(first.json["pin_provided"] as? Bool == false)
            #expect((first.json["authorized_person"] as? [String: Any])?["name"] as? String == "John Doe")
            #expect(first.json["requested_foc_date"] as? String == "2027-03-19")
            // Untouched fields keep their values.
            #expect(first.json["account_number"] as? String == "GT-552201")
            #expect(first.json["btn"] as? String == "+12175220191")
            #expect((first.json["service_address"] as? [String: Any])?["city"] as? String == "Springfield")
            #expect(first.json["notification_emails"] as? [String] == ["noc@acme.test"])

            let second = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                                json: ["pin": "1357", "requested_foc_date": NSNull()])
            #expect(second.status == 200)
            #expect(second.json["pin_provided"] as? Bool == true)
            #expect(second.json["pin"] == nil)
            #expect(!second.text.contains("1357"))
            #expect(second.json["requested_foc_date"] == nil || second.json["requested_foc_date"] is NSNull)
            #expect(second.json["customer_reference"] as? String == "ticket-8")

            let read = try await service.read(auth, id)
            #expect(read["pin_provided"] as? Bool == true)
            #expect(read["customer_reference"] as? String == "ticket-8")
            #expect(read["business_name"] == nil || read["business_name"] is NSNull)
            #expect(try await service.store.portRequests.revealPIN(id: id) == "1357")
        }
    }

    @Test("allowed in action_required; 409 naming the status in submitted and cancelled", arguments: TestBackend.available)
    func statusRules(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220192", "+12175220193", "+12175220194"])
            let rejected = try await service.createOne(auth, numbers: ["+12175220192"]).id
            try await service.moveToActionRequired(rejected)
            let fixed = try await service.send(.PATCH, "/v1/port-requests/\(rejected)", auth: auth, json: ["account_number": "GT-9"])
            #expect(fixed.status == 200, "\(fixed.text)")
            #expect(fixed.json.status == "action_required")
            #expect(fixed.json["account_number"] as? String == "GT-9")

            let submitted = try await service.createOne(auth, numbers: ["+12175220193"]).id
            _ = try await service.store.portRequests.transition(id: submitted, change: StatusChange(from: .draft, to: .submitted),
                                                                now: service.clock.now())
            let cancelled = try await service.createOne(auth, numbers: ["+12175220194"]).id
            #expect(try await service.send(.POST, "/v1/port-requests/\(cancelled)/cancel", auth: auth).status == 200)
            for (id, status) in [(submitted, "submitted"), (cancelled, "cancelled")] {
                let response = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["account_number": "X"])
                #expect(response.status == 409)
                #expect(response.problemCode == "invalid_status")
                #expect((response.json["detail"] as? String)?.contains(status) == true, "\(response.text)")
                #expect(try await service.read(auth, id)["account_number"] as? String == "GT-552201")
                // The status is the problem to report first: fixing the body would not help.
                let malformed = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["country": 5])
                #expect(malformed.status == 409, "\(malformed.text)")
                #expect(malformed.problemCode == "invalid_status")
            }
        }
    }

    @Test("every malformed field is reported at once and nothing changes", arguments: TestBackend.available)
    func malformed(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220195"])
            let id = try await service.createOne(auth, numbers: ["+12175220195"]).id
            let response = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: [
                "customer_reference": "changed", "country": "U1", "requested_foc_date": "soon", "add_numbers": [5],
                "notification_emails": ["ok@acme.test", "bad@"], "partial_port": "no", "service_address": ["street": "Main St"],
            ])
            #expect(response.status == 422)
            #expect(Set(response.problemFields) == [
                "country", "requested_foc_date", "add_numbers[0]", "notification_emails[1]", "partial_port",
                "service_address.house_number", "service_address.city", "service_address.state", "service_address.postal_code",
            ], "\(response.text)")
            let read = try await service.read(auth, id)
            #expect(read["customer_reference"] as? String == "ticket-7")
            #expect(read["country"] as? String == "US")
        }
    }

    @Test("another account's request is 404 whatever the body", arguments: TestBackend.available)
    func otherAccount(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            try service.addSubscriber(numbers: ["+12175220196"])
            let id = try await service.createOne(auth, numbers: ["+12175220196"]).id
            for body: [String: Any] in [["account_number": "X"], ["country": 5]] {
                let response = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: other, json: body)
                #expect(response.status == 404)
            }
            #expect(try await service.read(auth, id)["account_number"] as? String == "GT-552201")
        }
    }
}
