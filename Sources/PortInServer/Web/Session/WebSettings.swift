import Foundation
import PortInStore

/// How browser sessions behave.
public struct WebSettings: Sendable, Hashable {
    /// Mark the session cookie `Secure` (browsers then send it over https only). Off only for plain
    /// http on loopback, as in the demo and the tests.
    public var secureCookies: Bool
    /// A session unused this long ends.
    public var idleTimeout: TimeInterval
    /// A session ends this long after sign-in, however active.
    public var absoluteTimeout: TimeInterval
    /// Failed sign-ins that lock an email, and for how long.
    public var lockout: LoginThrottlePolicy

    public init(secureCookies: Bool = false, idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600,
                lockout: LoginThrottlePolicy = LoginThrottlePolicy()) {
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.lockout = lockout
    }
}
