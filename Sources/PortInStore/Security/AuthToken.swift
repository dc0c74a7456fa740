import Crypto
import Foundation

/// API credentials: a random token shown once, stored only as its SHA-256.
public enum AuthToken {
    /// A new random token: 32 random bytes, base64url without padding (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64URLEncoded
    }

    /// A new public auth id such as `AC` + 32 hex characters.
    public static func generateAuthId() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "AC" + bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of the token's UTF-8 bytes. Tokens carry 256 random bits, so a plain hash
    /// (no salt, no stretching) is enough: nothing to guess from a leaked hash.
    public static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Compares `token`'s hash with `storedHash` in constant time.
    public static func matches(_ token: String, storedHash: Data) -> Bool {
        constantTimeEqual(hash(token), storedHash)
    }
}

/// Equal length and equal bytes, examining every byte whatever the first difference.
func constantTimeEqual(_ lhs: Data, _ rhs: Data) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
    return difference == 0
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        self.init(base64Encoded: base)
    }

    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
