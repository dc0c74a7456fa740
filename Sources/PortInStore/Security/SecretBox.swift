import Crypto
import Foundation

/// Encrypts write-only secrets (port-out PINs) with AES-256-GCM before they reach the database.
/// The key comes from configuration as 32 bytes in base64; a random 96-bit nonce per value.
public struct SecretBox: Sendable {
    // Kept as bytes: `SymmetricKey` is not `Sendable`; a key is rebuilt per operation (cheap).
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// Fails unless `base64Key` decodes to exactly 32 bytes.
    public init(base64Key: String) throws {
        guard let bytes = Data(base64Encoded: base64Key.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw StoreError.invalidConfiguration("the PIN key must be 32 bytes, base64-encoded")
        }
        keyBytes = bytes
    }

    /// A fresh random key in the configuration format (for the embedded default's key file).
    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    /// Nonce, ciphertext and tag in one blob (AES-GCM's combined form).
    public func seal(_ clear: String) throws -> SealedSecret {
        let box = try AES.GCM.seal(Data(clear.utf8), using: key)
        guard let combined = box.combined else { throw StoreError.secretUnreadable }
        return SealedSecret(combined: combined)
    }

    /// The clear text; throws `StoreError.secretUnreadable` on a wrong key or tampered data.
    public func open(_ sealed: SealedSecret) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.combined)
            return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
        } catch {
            throw StoreError.secretUnreadable
        }
    }
}

/// An encrypted secret as stored. Its description never shows the bytes.
public struct SealedSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// AES-GCM combined representation: 12-byte nonce, ciphertext, 16-byte tag.
    public let combined: Data

    public init(combined: Data) { self.combined = combined }

    public var description: String { "<sealed>" }
    public var debugDescription: String { "<sealed>" }
}
