import Foundation
import PortInCore
import PortInStore

extension StoreTransaction {
    /// Applies `change` if the request is still in `change.from` and appends the `status_changed`
    /// event the state machine produced for it and the notifications it causes; nil when the request
    /// moved on meanwhile.
    func applyStatusChange(_ change: StatusChange, to request: StoredPortRequest, event: PortEvent, now: Date) async throws
        -> StoredPortRequest? {
        guard let updated = try await portRequests.transition(request, change: change, now: now) else { return nil }
        _ = try await events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "status_changed",
                                             from: event.from, to: event.to, actor: event.actor, reason: event.reason, at: now))
        try await notifyStatusChange(from: event.from, request: updated, reason: event.reason, now: now)
        return updated
    }
}
