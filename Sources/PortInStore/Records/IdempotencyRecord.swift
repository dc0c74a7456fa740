import Foundation

/// The first response to a POST with an `Idempotency-Key`, replayed for the same key.
public struct IdempotencyRecord: Sendable, Hashable {
    public var accountId: String
    public var key: String
    /// Hash of the request (method, path, body): the same key with another body is a conflict.
    public var requestHash: String
    public var responseStatus: Int
    public var responseBody: Data
    public var createdAt: Date

    public init(accountId: String, key: String, requestHash: String, responseStatus: Int, responseBody: Data, createdAt: Date) {
        self.accountId = accountId
        self.key = key
        self.requestHash = requestHash
        self.responseStatus = responseStatus
        self.responseBody = responseBody
        self.createdAt = createdAt
    }
}
