import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Correcting port requests: adding and removing numbers")
struct UpdatePortRequestNumbersTests {
    @Test("add numbers of the same carrier and type; remove numbers; removed ones are free again", arguments: TestBackend.available)
    func addAndRemove(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220201", "+12175220202", "+12175220203"])
            let id = try await service.createOne(auth, numbers: ["+12175220201"]).id

            let added = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                               json: ["add_numbers": ["(217) 522-0202", "217-522-0203"]])
            #expect(added.status == 200, "\(added.text)")
            #expect(added.json.requestNumbers == ["+12175220201", "+12175220202", "+12175220203"])
            #expect((added.json["numbers"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "pending" } == true)

            let removed = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                                 json: ["remove_numbers": ["+12175220201"]])
            #expect(removed.status == 200, "\(removed.text)")
            #expect(removed.json.requestNumbers == ["+12175220202", "+12175220203"])
            #expect(try await service.read(auth, id).requestNumbers == ["+12175220202", "+12175220203"])

            let check = try await service.send(.POST, "/v1/portability-checks", auth: auth,
                                               json: ["numbers": ["+12175220201", "+12175220202"]])
            let results = check.json["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["in_open_request"] as? Bool } == [false, true])
        }
    }

    @Test("a number of another carrier, an unportable one or one in another request is refused per number",
          arguments: TestBackend.available)
    func refusedAdditions(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220211", "+12175220212", "+12175220213"])
            try service.addSubscriber(carrier: "acme-wireless", numbers: ["+13122240211"], accountNumber: "AW-1")
            try service.addSubscriber(carrier: "BCN01", numbers: ["+18882440411"], accountNumber: "TF-1")
            let id = try await service.createOne(auth, numbers: ["+12175220211"]).id
            _ = try await service.createOne(auth, numbers: ["+12175220213"])

            let response = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: [
                "customer_reference": "changed",
                "add_numbers": ["+13122240211", "+18882440411", "12", "+12175220213", "+12175220212"],
            ])
            #expect(response.status == 422)
            #expect(response.problemFields == ["add_numbers[0]", "add_numbers[1]", "add_numbers[2]", "add_numbers[3]"],
                    "\(response.text)")
            #expect(response.problemCodes("add_numbers[0]") == ["different_carrier_or_type"])
            #expect(response.problemCodes("add_numbers[1]") == ["different_carrier_or_type"])
            #expect(response.problemCodes("add_numbers[2]") == ["too_short"])
            #expect(response.problemCodes("add_numbers[3]") == ["already_in_open_request"])

            let read = try await service.read(auth, id)
            #expect(read.requestNumbers == ["+12175220211"])
            #expect(read["customer_reference"] as? String == "ticket-7")
        }
    }

    @Test("removing a number not in the request, or every number, is refused", arguments: TestBackend.available)
    func refusedRemovals(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220221", "+12175220222"])
            let id = try await service.createOne(auth, numbers: ["+12175220221"]).id

            let foreign = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                                 json: ["remove_numbers": ["+12175220222", "nonsense"]])
            #expect(foreign.status == 422)
            #expect(foreign.problemCodes("remove_numbers[0]") == ["not_in_request"])
            #expect(foreign.problemCodes("remove_numbers[1]") == ["not_in_request"])

            let all = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                             json: ["remove_numbers": ["217 522 0221"]])
            #expect(all.status == 422)
            #expect(all.problemCodes("remove_numbers") == ["no_numbers_left"])
            #expect(try await service.read(auth, id).requestNumbers == ["+12175220221"])
        }
    }

    @Test("adding beyond the per-request limit is refused", arguments: TestBackend.available)
    func addBeyondLimit(backend: TestBackend) async throws {
        try await TestService.with(backend, limits: ServiceLimits(maxNumbersPerRequest: 2)) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220231", "+12175220232", "+12175220233"])
            let id = try await service.createOne(auth, numbers: ["+12175220231"]).id
            let response = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                                  json: ["add_numbers": ["+12175220232", "+12175220233"]])
            #expect(response.status == 422)
            #expect(response.problemCodes("add_numbers") == ["too_many_numbers"])
            #expect(try await service.read(auth, id).requestNumbers == ["+12175220231"])
        }
    }
}
