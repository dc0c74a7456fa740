/// Operator-tunable limits of the service.
public struct ServiceLimits: Sendable, Hashable {
    /// Most numbers in one port request (larger groups are cut into several requests on create).
    public var maxNumbersPerRequest: Int
    /// Most numbers in one create or portability-check call.
    public var maxNumbersPerCall: Int
    /// Largest document upload, in bytes.
    public var maxUploadBytes: Int

    public init(maxNumbersPerRequest: Int = 5_000, maxNumbersPerCall: Int = 20_000, maxUploadBytes: Int = 10 * 1024 * 1024) {
        self.maxNumbersPerRequest = maxNumbersPerRequest
        self.maxNumbersPerCall = maxNumbersPerCall
        self.maxUploadBytes = maxUploadBytes
    }
}
