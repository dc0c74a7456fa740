import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Submitting: the CSR pre-check")
struct SubmitCSRPreCheckTests {
    @Test("every difference from the losing carrier's CSR comes back at once with the CSR's value",
          arguments: TestBackend.available)
    func mismatches(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            // Prairie Telecom releases the CSR on the number alone, so the account number is compared too.
            try service.addSubscriber(carrier: "prairie-telecom", numbers: ["+12175220271"], accountNumber: "PT-1001")
            var fields = TestService.requestFields(accountNumber: "PT-9999", btn: "+12175220271")
            fields["business_name"] = "Acme Gadgets LLC"
            fields["service_address"] = ["house_number": "12", "street": "Oak Ave", "unit": "Suite 200", "city": "Springfield",
                                         "state": "IL", "postal_code": "62704", "country": "US"]
            let id = try await service.createOne(auth, numbers: ["+12175220271"], fields: fields).id
            try await service.attachPaperwork(auth, requestId: id)

            let response = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(response.status == 422)
            let csr = response.problemErrors.filter { ($0["code"] as? String)?.hasPrefix("csr_") == true }
            #expect(Set(csr.compactMap { $0["field"] as? String }) ==
                ["business_name", "service_address.street", "service_address.postal_code", "account_number"], "\(response.text)")
            #expect(csr.allSatisfy { $0["code"] as? String == "csr_mismatch" })
            #expect(response.problemError("business_name")?["on_record"] as? String == "Acme Widgets LLC")
            #expect(response.problemError("service_address.street")?["on_record"] as? String == "Main St")
            #expect(response.problemError("service_address.postal_code")?["on_record"] as? String == "62701")
            #expect(response.problemError("account_number")?["on_record"] as? String == "PT-1001")
            #expect(response.problemErrors.count == csr.count, "nothing but the CSR differences: \(response.text)")
            #expect(try await service.read(auth, id).status == "draft")

            // Corrected as the carrier has it, the request goes through.
            let fixed = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: [
                "business_name": "Acme Widgets LLC", "account_number": "PT-1001",
                "service_address": ["house_number": "12", "street": "Main Street", "unit": "Ste 200", "city": "Springfield",
                                    "state": "IL", "postal_code": "62701"],
            ])
            #expect(fixed.status == 200)
            let submitted = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(submitted.status == 200, "\(submitted.text)")
        }
    }

    @Test("a carrier that refuses to release the CSR reports the refusal on the field", arguments: TestBackend.available)
    func refusedRelease(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            // Granite releases a CSR only with the right account number.
            try service.addSubscriber(numbers: ["+12175220272"], accountNumber: "GT-1001")
            let fields = TestService.requestFields(accountNumber: "GT-0000", btn: "+12175220272")
            let id = try await service.createOne(auth, numbers: ["+12175220272"], fields: fields).id
            try await service.attachPaperwork(auth, requestId: id)
            let response = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(response.status == 422)
            #expect(response.problemCodes("account_number") == ["csr_account_number_invalid"], "\(response.text)")
            #expect(response.problemError("account_number")?["on_record"] == nil)
        }
    }
}
