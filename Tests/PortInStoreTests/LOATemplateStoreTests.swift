import Foundation
import Testing
@testable import PortInStore

@Suite struct LOATemplateStoreTests {
    static let start = Date(timeIntervalSince1970: 1_803_913_200)

    @Test("templates are stored per country (upper case), replaced whole, listed with who and when, and removed", arguments: TestBackend.available)
    func putGetListRemove(backend: TestBackend) async throws {
        try await withStore(backend) { runtime, store in
            #expect(try await store.loaTemplates.list().isEmpty)
            #expect(try await store.loaTemplates.get(country: "GB") == nil)
            let first = try await store.loaTemplates.put(country: "gb", json: #"{"id":"gb-1"}"#, byUserId: nil, byEmail: "ops@portin.test",
                                                         at: Self.start)
            #expect(first.country == "GB")
            _ = try await store.loaTemplates.put(country: "DE", json: #"{"id":"de"}"#, byUserId: nil, byEmail: "ops@portin.test", at: Self.start)
            let later = Self.start.addingTimeInterval(3600)
            _ = try await store.loaTemplates.put(country: "GB", json: #"{"id":"gb-2"}"#, byUserId: nil, byEmail: "lead@portin.test", at: later)
            let gb = try #require(try await store.loaTemplates.get(country: "gb"))
            #expect(gb.json == #"{"id":"gb-2"}"#)
            #expect(gb.updatedByEmail == "lead@portin.test")
            #expect(gb.updatedAt == later)
            #expect(try await store.loaTemplates.list().map(\.country) == ["DE", "GB"])
            #expect(try await runtime.count("loa_templates") == 2)
            #expect(try await store.loaTemplates.remove(country: "GB"))
            #expect(!(try await store.loaTemplates.remove(country: "GB")))
            #expect(try await store.loaTemplates.get(country: "GB") == nil)
            #expect(try await store.loaTemplates.list().map(\.country) == ["DE"])
        }
    }
}
