import FluentKit
import Foundation
import SQLKit

extension SQLEventRepository {
    func opsList(type: String, page: PageRequest) async throws -> Page<Event> {
        let rows = try await context.sql.select().column("*").from("events").where("type", .equal, type)
            .page(after: page.cursor, limit: page.limit, timeColumn: "at")
            .all(decoding: EventRow.self, with: rowDecoder).map(\.record)
        return makePage(rows, limit: page.limit) { ($0.at, $0.id) }
    }
}
