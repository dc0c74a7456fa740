import Crypto
import Foundation

/// Signs and verifies carrier callbacks (and PortIn's own webhooks): HMAC-SHA256 over
/// "<unix seconds>.<body>", sent as `t=<seconds>,v1=<hex>`. The timestamp inside the MAC lets
/// receivers refuse replays older than the tolerance window.
public struct CallbackSignature: Sendable {
    public static let headerName = "X-PortIn-Signature"
    public static let defaultTolerance: TimeInterval = 300

    // Kept as bytes: SymmetricKey is not Sendable; building one per call is cheap.
    private let secret: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: secret) }
    public let tolerance: TimeInterval

    public init(secret: String, tolerance: TimeInterval = CallbackSignature.defaultTolerance) {
        self.secret = Array(secret.utf8)
        self.tolerance = tolerance
    }

    /// The header value for `body` sent at `date`.
    public func header(for body: some DataProtocol, at date: Date) -> String {
        let timestamp = Int(date.timeIntervalSince1970.rounded(.down))
        let mac = HMAC<SHA256>.authenticationCode(for: Self.signedBytes(timestamp: timestamp, body: body), using: key)
        return "t=\(timestamp),v1=\(Data(mac).hexString)"
    }

    /// Throws unless `header` is a valid signature of `body` made within the tolerance of `now`.
    public func verify(header: String?, body: some DataProtocol, now: Date) throws(CallbackSignatureError) {
        guard let header, !header.isEmpty else { throw .missing }
        var timestamp: Int?
        var signatures: [Data] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .malformed }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": if let data = Data(hex: pair[1]) { signatures.append(data) }
            default: continue  // unknown schemes are ignored so the format can grow
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformed }
        let age = now.timeIntervalSince1970 - TimeInterval(timestamp)
        guard abs(age) <= tolerance else { throw .outsideWindow(seconds: Int(age)) }
        let message = Self.signedBytes(timestamp: timestamp, body: body)
        guard signatures.contains(where: { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: message, using: key) }) else {
            throw .mismatch
        }
    }

    private static func signedBytes(timestamp: Int, body: some DataProtocol) -> Data {
        var data = Data("\(timestamp).".utf8)
        data.append(contentsOf: body)
        return data
    }
}

public enum CallbackSignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing
    case malformed
    /// Signed too long ago (or in the future): a possible replay.
    case outsideWindow(seconds: Int)
    case mismatch

    public var description: String {
        switch self {
        case .missing: "the signature header is missing"
        case .malformed: "the signature header is malformed"
        case .outsideWindow(let seconds): "the signature timestamp is \(seconds) s away from now, outside the replay window"
        case .mismatch: "the signature does not match the body"
        }
    }
}

extension Data {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var data = Data(capacity: bytes.count / 2)
        var i = 0
        while i < bytes.count {
            guard let hi = nibble(bytes[i]), let lo = nibble(bytes[i + 1]) else { return nil }
            data.append(hi << 4 | lo)
            i += 2
        }
        self = data
    }
}
