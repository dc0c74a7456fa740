import Crypto

/// SHA-256 of a document's exact bytes, as lowercase hex (what `sha256sum` prints).
public enum DocumentHash {
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }
}
