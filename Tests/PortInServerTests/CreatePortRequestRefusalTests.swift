import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Creating port requests: refusals")
struct CreatePortRequestRefusalTests {
    @Test("a trial account gets 403 standard_account_required and nothing is created", arguments: TestBackend.available)
    func trialRefused(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, trial) = try await service.makeAccount(name: "Trial Co", plan: .trial)
            try service.addSubscriber(numbers: ["+12175220141"])
            let response = try await service.create(trial, numbers: ["+12175220141"])
            #expect(response.status == 403)
            #expect(response.contentType == "application/problem+json")
            #expect(response.problemCode == "standard_account_required")
            let list = try await service.send(.GET, "/v1/port-requests", auth: trial)
            #expect(list.status == 200)
            #expect(list.items.isEmpty)
        }
    }

    @Test("more than 20,000 numbers in one call is 422 naming numbers", arguments: TestBackend.available)
    func tooManyNumbers(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = (0..<20_001).map { "+1217522\(1000 + $0 % 9000)" }
            let response = try await service.create(auth, numbers: numbers)
            #expect(response.status == 422)
            #expect(response.problemFields == ["numbers"])
            #expect(response.problemCodes("numbers") == ["too_many"])
        }
    }

    @Test("missing, null, empty or mistyped numbers are 422 naming numbers", arguments: TestBackend.available)
    func numbersRequired(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            for numbers: Any? in [nil, NSNull(), [String](), "+12175220141"] {
                var body = TestService.requestFields(btn: "+12175220141")
                body["numbers"] = numbers
                let response = try await service.send(.POST, "/v1/port-requests", auth: auth, json: body)
                #expect(response.status == 422, "\(String(describing: numbers))")
                #expect(response.problemFields == ["numbers"], "\(String(describing: numbers)): \(response.text)")
            }
        }
    }

    @Test("when no number can be ported: 422 no_portable_numbers with one error per number", arguments: TestBackend.available)
    func noPortableNumbers(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(carrier: "spare", numbers: ["+18882440341"], accountNumber: "TF-9")
            let response = try await service.create(auth, numbers: ["12", "+18882440341", "abc", "12"])
            #expect(response.status == 422)
            #expect(response.problemCode == "no_portable_numbers")
            #expect(response.problemFields == ["numbers[0]", "numbers[1]", "numbers[2]", "numbers[3]"])
            #expect(response.problemCodes("numbers[1]") == ["toll_free_spare"])
            #expect(response.problemCodes("numbers[3]") == ["too_short"])
            #expect(response.problemErrors.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
            let list = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(list.items.isEmpty)
        }
    }

    @Test("every malformed field is reported at once with its path, and nothing is created", arguments: TestBackend.available)
    func malformedFields(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220151"])
            var body = TestService.requestFields(btn: "+12175220151")
            body["numbers"] = ["+12175220151"]
            body["notification_emails"] = ["noc@acme.test", "not-an-email"]
            body["requested_foc_date"] = "2027-02-30"
            body["country"] = "USA"
            body["partial_port"] = "yes"
            body["business_name"] = 42
            body["subscriber_type"] = "company"
            body["authorized_person"] = ["name": "Jane Roe", "email": "jane@"]
            body["service_address"] = ["house_number": "12", "street": "Main St", "city": "Springfield", "state": "IL"]
            let response = try await service.send(.POST, "/v1/port-requests", auth: auth, json: body)
            #expect(response.status == 422)
            #expect(response.problemCode == "validation_failed")
            #expect(Set(response.problemFields) == [
                "notification_emails[1]", "requested_foc_date", "country", "partial_port", "business_name", "subscriber_type",
                "authorized_person.email", "service_address.postal_code",
            ], "\(response.text)")
            #expect(response.problemCodes("notification_emails[1]") == ["invalid_email"])
            #expect(response.problemCodes("requested_foc_date") == ["invalid_date"])
            #expect(response.problemCodes("partial_port") == ["invalid_type"])
            #expect(response.problemCodes("business_name") == ["invalid_type"])
            #expect(response.problemCodes("service_address.postal_code") == ["required"])
            #expect(!response.text.contains("not-an-email"), "messages do not echo submitted values")

            let list = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(list.items.isEmpty)
            let check = try await service.send(.POST, "/v1/portability-checks", auth: auth, json: ["numbers": ["+12175220151"]])
            #expect((check.json["results"] as? [[String: Any]])?.first?["in_open_request"] as? Bool == false)
        }
    }

    @Test("a body that is not a JSON object is one problem on body", arguments: TestBackend.available)
    func notAnObject(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            for (data, code) in [(Data("[1,2]".utf8), "invalid_type"), (Data("{oops".utf8), "invalid_json"), (Data(), "required")] {
                let response = try await service.send(.POST, "/v1/port-requests", auth: auth, body: data, contentType: "application/json")
                #expect(response.status == 422)
                #expect(response.problemFields == ["body"])
                #expect(response.problemCodes("body") == [code])
            }
        }
    }
}
