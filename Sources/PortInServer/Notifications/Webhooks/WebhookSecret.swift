import Foundation

/// Webhook signing secrets: `whsec_` and 32 random bytes in base64url. The HMAC key is the whole
/// string as UTF-8 (prefix included), so receivers use it exactly as shown.
enum WebhookSecret {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "whsec_" + base64
    }
}
