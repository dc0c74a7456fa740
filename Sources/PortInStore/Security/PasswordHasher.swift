import Crypto
import _CryptoExtras
import Foundation

/// Password hashing: PBKDF2-HMAC-SHA256 (RFC 8018, BoringSSL through swift-crypto), 16-byte random salt,
/// 32-byte output. Stored as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` so the work factor
/// can be raised later without invalidating existing hashes.
public struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000

    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = max(1, iterations)
    }

    /// A new salted hash of `password`.
    public func hash(_ password: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let derived = Self.pbkdf2(password: Data(password.utf8), salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(salt.base64EncodedString())$\(derived.base64EncodedString())"
    }

    /// True when `password` produces `encoded` (using the iteration count stored in it).
    public static func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), iterations > 0,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return false }
        let derived = pbkdf2(password: Data(password.utf8), salt: salt, iterations: iterations, length: expected.count)
        return constantTimeEqual(derived, expected)
    }

    /// PBKDF2 with HMAC-SHA256 as the PRF, computed by BoringSSL: 600,000 rounds take tens of
    /// milliseconds there, against most of a minute for a Swift loop in a debug build.
    static func pbkdf2(password: Data, salt: Data, iterations: Int, length: Int = 32) -> Data {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: length,
                                                     unsafeUncheckedRounds: iterations)
        // Only a zero length or round count can fail, and callers never pass those.
        return key.map { $0.withUnsafeBytes { Data($0) } } ?? Data()
    }
}
