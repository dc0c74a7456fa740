import Foundation
import PortInStore

/// The durable work the lifecycle schedules. Each job names a request and the version it was
/// scheduled for, so a job outlived by a resubmission does nothing.
enum LifecycleJobKind: String, Sendable, CaseIterable {
    /// Send the order (version 1) or its supplement (later versions) to the partner carrier.
    case submitOrder = "submit_order"
    /// Ask the partner carrier to cancel the order.
    case cancelOrder = "cancel_order"
    /// FOC minus 2 business days: the numbers appear in the account as `porting`.
    case provisionNumbers = "provision_numbers"
}

struct LifecycleJobPayload: Sendable, Hashable, Codable {
    var requestId: String
    var version: Int

    enum CodingKeys: String, CodingKey {
        case requestId = "request_id"
        case version
    }
}

extension StoreTransaction {
    /// Schedules `kind` for a request inside the caller's transaction.
    @discardableResult
    func schedule(_ kind: LifecycleJobKind, requestId: String, version: Int, at runAt: Date, now: Date,
                  maxAttempts: Int = 12) async throws -> Job {
        let payload = try JSONEncoder().encode(LifecycleJobPayload(requestId: requestId, version: version))
        return try await jobs.enqueue(kind: kind.rawValue, payload: payload, runAt: runAt, maxAttempts: maxAttempts, now: now)
    }
}
