import FluentKit
import Foundation
import SQLKit

extension SQLPortRequestRepository {
    func draftIds(updatedBefore: Date, afterId: String?, limit: Int) async throws -> [String] {
        let query = context.sql.select().column("id").from("port_requests").where("status", .equal, "draft")
            .where("updated_at", .lessThanOrEqual, updatedBefore.storeRounded)
        if let afterId { query.where("id", .greaterThan, afterId) }
        return try await query.orderBy("id").limit(max(1, limit)).all(decodingColumn: "id", as: String.self)
    }
}
