extension HTTPCarrierGateway {
    /// Where the partner carrier listens and how patiently we talk to it.
    public struct Configuration: Sendable {
        /// Scheme, host and port (and an optional path prefix), e.g. `http://127.0.0.1:9090`.
        public var baseURL: String
        /// Sent as `Authorization: Bearer <apiKey>`.
        public var apiKey: String
        /// Per attempt, from sending the request to the last byte of the answer.
        public var timeout: Duration
        /// Attempts per call, the first included (1 = no retry).
        public var maxAttempts: Int
        /// The wait before the second attempt; doubled before each further one.
        public var backoffBase: Duration
        /// No single wait is longer than this.
        public var maxBackoff: Duration
        /// The largest answer we read; 20,000 portability results stay well under it.
        public var maxResponseBytes: Int

        public init(baseURL: String, apiKey: String, timeout: Duration = .seconds(10), maxAttempts: Int = 4,
                    backoffBase: Duration = .milliseconds(200), maxBackoff: Duration = .seconds(10),
                    maxResponseBytes: Int = 64 << 20) {
            // One trailing slash would double up with the API's absolute paths.
            var base = baseURL
            while base.hasSuffix("/") { base.removeLast() }
            self.baseURL = base
            self.apiKey = apiKey
            self.timeout = timeout
            self.maxAttempts = max(1, maxAttempts)
            self.backoffBase = backoffBase
            self.maxBackoff = maxBackoff
            self.maxResponseBytes = maxResponseBytes
        }

        /// The wait after failed attempt `attempt` (1-based): exponential, capped, then scaled by
        /// `jitter` in 0...1 into [50%, 100%] of it so a fleet of retrying callers spreads out.
        public func backoff(afterAttempt attempt: Int, jitter: Double) -> Duration {
            let exponent = min(max(attempt - 1, 0), 30)
            let full = min(backoffBase * (1 << exponent), maxBackoff)
            return full * (0.5 + 0.5 * min(max(jitter, 0), 1))
        }
    }
}
