import Foundation
import PortInStore
import Testing
@testable import PortInServer

@Suite("Numbers and applications")
struct NumberRoutesTests {
    static let numbers = ["+12175220142", "+12175220143", "+12175220144", "+13122240101", "+13122240102"]

    /// Provisions `numbers` into the account (as a port nearing its FOC does), the first `active` ones activated.
    static func provision(_ service: TestService, accountId: String, numbers: [String], active: Int = 0) async throws {
        for (index, number) in numbers.enumerated() {
            try await service.store.numbers.provision(accountId: accountId, numbers: [number], portRequestId: "pr_test_\(index)",
                                                      focDate: nil, now: service.clock.now())
            service.clock.advance(by: 1)
        }
        try await service.store.numbers.activate(accountId: accountId, numbers: Array(numbers.prefix(active)), now: service.clock.now())
    }

    @Test("GET /v1/numbers lists the account's numbers, filters by status and pages with a cursor", arguments: TestBackend.available)
    func listNumbers(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            let (other, otherAuth) = try await service.makeAccount(name: "Other Co")
            try await Self.provision(service, accountId: account.id, numbers: Self.numbers, active: 2)
            try await Self.provision(service, accountId: other.id, numbers: ["+18882440101"])

            let all = try await service.send(.GET, "/v1/numbers", auth: auth)
            #expect(all.status == 200)
            let listed = all.json["data"] as? [[String: Any]] ?? []
            #expect(Set(listed.compactMap { $0["number"] as? String }) == Set(Self.numbers))
            #expect(all.json["next_cursor"] == nil || all.json["next_cursor"] is NSNull)
            #expect(listed.first(where: { $0["number"] as? String == "+12175220144" })?["port_request_id"] as? String == "pr_test_2")

            let active = try await service.send(.GET, "/v1/numbers?status=active", auth: auth)
            let activeNumbers = (active.json["data"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            #expect(Set(activeNumbers) == Set(Self.numbers.prefix(2)))
            let porting = try await service.send(.GET, "/v1/numbers?status=porting", auth: auth)
            let portingRows = porting.json["data"] as? [[String: Any]] ?? []
            #expect(Set(portingRows.compactMap { $0["number"] as? String }) == Set(Self.numbers.dropFirst(2)))
            #expect(portingRows.allSatisfy { $0["status"] as? String == "porting" })

            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "/v1/numbers?limit=2" + (cursor.map { "&cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? "")
                let page = try await service.send(.GET, query, auth: auth)
                #expect(page.status == 200, "\(page.text)")
                let rows = page.json["data"] as? [[String: Any]] ?? []
                #expect(rows.count <= 2)
                seen += rows.compactMap { $0["number"] as? String }
                cursor = page.json["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == Self.numbers.count)
            #expect(Set(seen) == Set(Self.numbers))

            let others = try await service.send(.GET, "/v1/numbers", auth: otherAuth)
            #expect((others.json["data"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String } == ["+18882440101"])

            expectProblem(try await service.send(.GET, "/v1/numbers?status=ported", auth: auth), status: 422, fields: ["status"])
            expectProblem(try await service.send(.GET, "/v1/numbers?limit=0", auth: auth), status: 422, fields: ["limit"])
            expectProblem(try await service.send(.GET, "/v1/numbers?limit=201", auth: auth), status: 422, fields: ["limit"])
            expectProblem(try await service.send(.GET, "/v1/numbers?cursor=not-a-cursor", auth: auth), status: 422, fields: ["cursor"])
        }
    }

    @Test("applications need a name and http(s) URLs; every problem is reported at once", arguments: TestBackend.available)
    func applications(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, otherAuth) = try await service.makeAccount(name: "Other Co")

            let bad = try await service.send(.POST, "/v1/applications", auth: auth,
                                             json: ["voice_url": "ftp://files.acme.test/voice", "sms_url": "not a url"])
            expectProblem(bad, status: 422, code: "validation_failed", fields: ["name", "voice_url", "sms_url"])
            let relative = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name": "  ", "voice_url": "/voice"])
            expectProblem(relative, status: 422, code: "validation_failed", fields: ["name", "voice_url"])
            let wrongTypes = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name": 7, "sms_url": ["x"]])
            expectProblem(wrongTypes, status: 422, code: "validation_failed", fields: ["name", "sms_url"])
            let tooLong = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name": String(repeating: "n", count: 201)])
            expectProblem(tooLong, status: 422, code: "validation_failed", fields: ["name"])
            let notObject = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name"])
            expectProblem(notObject, status: 422, code: "validation_failed", fields: ["body"])
            #expect(try await service.runtime.count("applications") == 0)

            let created = try await service.send(.POST, "/v1/applications", auth: auth,
                                                 json: ["name": "Main IVR", "voice_url": "https://ivr.acme.test/voice",
                                                        "sms_url": "http://sms.acme.test/in"])
            #expect(created.status == 201, "\(created.text)")
            #expect(created.json["name"] as? String == "Main IVR")
            #expect(created.json["voice_url"] as? String == "https://ivr.acme.test/voice")
            #expect(created.json["sms_url"] as? String == "http://sms.acme.test/in")
            let id = try #require(created.json["id"] as? String)
            let bare = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name": "Fax"])
            #expect(bare.status == 201)
            #expect(bare.json["voice_url"] == nil || bare.json["voice_url"] is NSNull)

            let list = try await service.send(.GET, "/v1/applications", auth: auth)
            #expect(list.status == 200)
            let names = (list.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(Set(names) == ["Main IVR", "Fax"])
            let page = try await service.send(.GET, "/v1/applications?limit=1", auth: auth)
            #expect((page.json["data"] as? [Any])?.count == 1)
            #expect(page.json["next_cursor"] is String)

            expectProblem(try await service.send(.GET, "/v1/applications?limit=500", auth: auth), status: 422, fields: ["limit"])

            let otherList = try await service.send(.GET, "/v1/applications", auth: otherAuth)
            #expect((otherList.json["data"] as? [Any])?.isEmpty == true)
            #expect(!otherList.text.contains(id))
        }
    }

    @Test("PATCH /v1/numbers/{e164} attaches and detaches the account's own applications", arguments: TestBackend.available)
    func attachApplication(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth) = try await service.makeAccount()
            let (other, otherAuth) = try await service.makeAccount(name: "Other Co")
            try await Self.provision(service, accountId: account.id, numbers: ["+12175220142", "+12175220143"], active: 1)
            try await Self.provision(service, accountId: other.id, numbers: ["+13122240101"])
            let app = try await service.send(.POST, "/v1/applications", auth: auth, json: ["name": "Main IVR"])
            let appId = try #require(app.json["id"] as? String)
            let foreign = try await service.send(.POST, "/v1/applications", auth: otherAuth, json: ["name": "Theirs"])
            let foreignId = try #require(foreign.json["id"] as? String)

            let attached = try await service.send(.PATCH, "/v1/numbers/+12175220142", auth: auth, json: ["application_id": appId])
            #expect(attached.status == 200, "\(attached.text)")
            #expect(attached.json["number"] as? String == "+12175220142")
            #expect(attached.json["application_id"] as? String == appId)
            #expect(attached.json["status"] as? String == "active")

            let encoded = try await service.send(.PATCH, "/v1/numbers/%2B12175220143", auth: auth, json: ["application_id": appId])
            #expect(encoded.status == 200, "\(encoded.text)")
            #expect(encoded.json["number"] as? String == "+12175220143")
            #expect(encoded.json["application_id"] as? String == appId)

            // The path is decoded once: an encoded percent sign is a percent sign, not a second layer of encoding.
            let twice = try await service.send(.PATCH, "/v1/numbers/%252B12175220143", auth: auth, json: ["application_id": NSNull()])
            expectProblem(twice, status: 404, code: "not_found")

            let list = try await service.send(.GET, "/v1/numbers", auth: auth)
            let rows = list.json["data"] as? [[String: Any]] ?? []
            #expect(rows.allSatisfy { $0["application_id"] as? String == appId })

            let detached = try await service.send(.PATCH, "/v1/numbers/+12175220142", auth: auth, json: ["application_id": NSNull()])
            #expect(detached.status == 200, "\(detached.text)")
            #expect(detached.json["application_id"] == nil || detached.json["application_id"] is NSNull)
            let stored = try await service.store.numbers.find(e164: "+12175220142", accountId: account.id)
            #expect(stored?.applicationId == nil)

            let unknown = try await service.send(.PATCH, "/v1/numbers/+12175220142", auth: auth, json: ["application_id": "app_unknown"])
            expectProblem(unknown, status: 422, code: "validation_failed", fields: ["application_id"])
            let theirs = try await service.send(.PATCH, "/v1/numbers/+12175220142", auth: auth, json: ["application_id": foreignId])
            expectProblem(theirs, status: 422, code: "validation_failed", fields: ["application_id"])
            #expect(try await service.store.numbers.find(e164: "+12175220142", accountId: account.id)?.applicationId == nil)
            let missing = try await service.send(.PATCH, "/v1/numbers/+12175220142", auth: auth, json: [String: Any]())
            expectProblem(missing, status: 422, code: "validation_failed", fields: ["application_id"])

            let notMine = try await service.send(.PATCH, "/v1/numbers/+13122240101", auth: auth, json: ["application_id": appId])
            expectProblem(notMine, status: 404, code: "not_found")
            let nowhere = try await service.send(.PATCH, "/v1/numbers/+12175229999", auth: auth, json: ["application_id": appId])
            expectProblem(nowhere, status: 404, code: "not_found")
            let garbage = try await service.send(.PATCH, "/v1/numbers/not-a-number", auth: auth, json: ["application_id": appId])
            expectProblem(garbage, status: 404, code: "not_found")
            #expect(try await service.store.numbers.find(e164: "+13122240101", accountId: other.id)?.applicationId == nil)
        }
    }
}
