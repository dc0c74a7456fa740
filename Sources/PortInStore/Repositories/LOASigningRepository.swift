import Foundation

/// Signed LOAs (final once recorded) and the signing links that lead to them.
public protocol LOASigningRepository: Sendable {
    /// Records the signature; `StoreError.conflict` when the request's LOA is already signed.
    func recordSigned(_ record: SignedLOARecord) async throws
    func signed(requestId: String, accountId: String) async throws -> SignedLOARecord?
    func createLink(_ link: LOASigningLink) async throws
    func findLink(tokenHash: Data) async throws -> LOASigningLink?
    /// Marks the link used at `now`; false when it was used already (single use, even when raced).
    func useLink(id: String, now: Date) async throws -> Bool
    /// The links of a request, newest first.
    func links(requestId: String, accountId: String) async throws -> [LOASigningLink]
}
