import Foundation
import Synchronization

/// Recently read requests with their documents, for the hot read `GET /v1/port-requests/{id}`.
/// Correct only when this process makes every write (SQLite: one process owns the file), so the
/// store enables it for SQLite only. Any write to a request or a document, and the end of any
/// transaction, moves the generation on; an entry is served only while its generation is current,
/// and a read that overlapped a write is never stored (it read the generation before starting).
public final class RequestReadCache: Sendable {
    struct Entry {
        var generation: UInt64
        var request: StoredPortRequest
        var documents: [Document]
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 2_000) {
        self.capacity = capacity
    }

    var generation: UInt64 { state.withLock { $0.generation } }

    /// Every cached entry is stale from now on.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// The cached request of `accountId` (nil `accountId`: any account), when still current.
    func lookup(id: String, accountId: String?) -> (StoredPortRequest, [Document])? {
        state.withLock { state in
            guard let entry = state.entries[id], entry.generation == state.generation,
                  accountId == nil || entry.request.accountId == accountId
            else { return nil }
            return (entry.request, entry.documents)
        }
    }

    /// Keeps what a read found, unless something was written since `generation` (read before it started).
    func store(_ request: StoredPortRequest, documents: [Document], readAt generation: UInt64) {
        state.withLock { state in
            guard generation == state.generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[request.id] = Entry(generation: generation, request: request, documents: documents)
        }
    }
}
