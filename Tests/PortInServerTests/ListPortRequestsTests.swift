import Foundation
import PortInCore
import Testing
@testable import PortInServer

@Suite("Listing port requests")
struct ListPortRequestsTests {
    /// Creates one request per number, a second apart, and returns their ids oldest first.
    static func createSeries(_ service: TestService, _ auth: Credentials, numbers: [String]) async throws -> [String] {
        try service.addSubscriber(numbers: numbers)
        var ids: [String] = []
        for number in numbers {
            ids.append(try await service.createOne(auth, numbers: [number])["id"] as? String ?? "")
            service.clock.advance(by: 1)
        }
        return ids
    }

    @Test("newest first, filtered by status and by number in any common format", arguments: TestBackend.available)
    func orderAndFilters(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let ids = try await Self.createSeries(service, auth, numbers: ["+12175220161", "+12175220162", "+12175220163"])
            let cancel = try await service.send(.POST, "/v1/port-requests/\(ids[1])/cancel", auth: auth)
            #expect(cancel.status == 200)

            let all = try await service.send(.GET, "/v1/port-requests", auth: auth)
            #expect(all.status == 200)
            #expect(all.items.map(\.id) == ids.reversed())
            #expect(all.json["next_cursor"] == nil || all.json["next_cursor"] is NSNull)

            let drafts = try await service.send(.GET, "/v1/port-requests?status=draft", auth: auth)
            #expect(drafts.items.map(\.id) == [ids[2], ids[0]])
            let cancelled = try await service.send(.GET, "/v1/port-requests?status=cancelled", auth: auth)
            #expect(cancelled.items.map(\.id) == [ids[1]])

            for format in ["%2B12175220163", "(217)%20522-0163", "217-522-0163", "2175220163", "1%20217%20522%200163", "+12175220163"] {
                let byNumber = try await service.send(.GET, "/v1/port-requests?number=\(format)", auth: auth)
                #expect(byNumber.status == 200, "\(format)")
                #expect(byNumber.items.map(\.id) == [ids[2]], "\(format)")
            }
            let both = try await service.send(.GET, "/v1/port-requests?status=cancelled&number=217-522-0161", auth: auth)
            #expect(both.items.isEmpty)
        }
    }

    @Test("another account's requests are not listed", arguments: TestBackend.available)
    func ownAccountOnly(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let (_, other) = try await service.makeAccount(name: "Other Co")
            _ = try await Self.createSeries(service, auth, numbers: ["+12175220164"])
            let list = try await service.send(.GET, "/v1/port-requests", auth: other)
            #expect(list.status == 200)
            #expect(list.items.isEmpty)
            let byNumber = try await service.send(.GET, "/v1/port-requests?number=%2B12175220164", auth: other)
            #expect(byNumber.items.isEmpty)
        }
    }

    @Test("cursor pages walk every request once, newest first", arguments: TestBackend.available)
    func pagination(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let numbers = (171...177).map { "+12175220\($0)" }
            var ids = try await Self.createSeries(service, auth, numbers: numbers)
            // Two requests in the same millisecond (one create call split in two) must not be skipped.
            try service.addSubscriber(carrier: "acme-wireless", numbers: ["+13122240271"], accountNumber: "AW-1")
            try service.addSubscriber(numbers: ["+12175220178"], accountNumber: "GT-2")
            let twins = try await service.create(auth, numbers: ["+13122240271", "+12175220178"])
            #expect(twins.portRequests.count == 2)
            ids += twins.portRequests.map(\.id)

            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "limit=3" + (cursor.map { "&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" } ?? "")
                let page = try await service.send(.GET, "/v1/port-requests?\(query)", auth: auth)
                #expect(page.status == 200, "\(page.text)")
                #expect(page.items.count <= 3)
                seen += page.items.map(\.id)
                cursor = page.json["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == ids.count)
            #expect(Set(seen) == Set(ids))
            #expect(Array(seen.suffix(7)) == Array(ids.prefix(7).reversed()))
        }
    }

    @Test("a bad status, number, limit or cursor is 422 naming the parameter", arguments: TestBackend.available)
    func badParameters(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            let cases = [("status=open", "status"), ("number=12", "number"), ("limit=0", "limit"), ("limit=201", "limit"),
                         ("limit=ten", "limit"), ("cursor=garbage", "cursor"), ("status=nope&limit=-1", "status")]
            for (query, field) in cases {
                let response = try await service.send(.GET, "/v1/port-requests?\(query)", auth: auth)
                #expect(response.status == 422, "\(query)")
                #expect(response.problemFields.contains(field), "\(query): \(response.text)")
            }
            let both = try await service.send(.GET, "/v1/port-requests?status=nope&limit=-1", auth: auth)
            #expect(Set(both.problemFields) == ["status", "limit"], "every bad parameter is reported")
        }
    }
}
