import Foundation
import PortInCore
import PortInStore

/// Customer comments on a request: the API's JSON and the request page's form both arrive here
/// as the same object, read by the same rules.
struct CommentService: Sendable {
    let store: Store
    let clock: any PortInClock

    /// Adds the customer-visible comment in `object` (`body`, required, at most 10,000 characters)
    /// with its `comment_added` event. The request must belong to `account` (checked by the caller).
    func add(account: Account, requestId id: String, object: [String: JSONValue]) async throws -> Comment {
        var reader = InputReader()
        let body = reader.requiredString(object, "body", maxLength: 10_000)
        guard reader.errors.isEmpty, let body else { throw Problem.validation(reader.errors) }
        let now = clock.now()
        return try await store.transaction { tx in
            let comment = try await tx.comments.add(requestId: id, accountId: account.id, author: .customer, authorId: nil,
                                                    visibility: .customer, body: body, now: now)
            _ = try await tx.events.append(NewEvent(requestId: id, accountId: account.id, type: "comment_added",
                                                    actor: .customer(account.id), at: now))
            return comment
        }
    }
}
