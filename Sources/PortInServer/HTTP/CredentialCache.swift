import Foundation
import PortInCore
import Synchronization

/// Recently verified credentials for a short time (default 30 s): a changed plan or a revoked
/// token takes effect within that window. Holds token hashes only, bounded in size.
final class CredentialCache: Sendable {
    private struct Entry {
        var tokenHash: Data
        var principal: Principal
        var expires: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let clock: any PortInClock
    private let lifetime: TimeInterval
    private let capacity: Int

    init(clock: any PortInClock, lifetime: TimeInterval = 30, capacity: Int = 10_000) {
        self.clock = clock
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func lookup(authId: String, tokenHash: Data) -> Principal? {
        let now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[authId], entry.expires > now, entry.tokenHash == tokenHash else { return nil }
            return entry.principal
        }
    }

    func store(_ principal: Principal, authId: String, tokenHash: Data) {
        let expires = clock.now().addingTimeInterval(lifetime)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[authId] = Entry(tokenHash: tokenHash, principal: principal, expires: expires)
        }
    }
}
