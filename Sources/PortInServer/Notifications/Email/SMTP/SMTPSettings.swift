import Foundation

/// How to reach the SMTP server. The password never appears in `description`, `debugDescription`
/// or a reflection dump, so logging a configuration cannot leak it.
public struct SMTPSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain text (a local relay).
        case none
        /// Plain connection upgraded with STARTTLS before anything else is said; refused if the server does not offer it.
        case starttls
        /// TLS from the first byte (SMTPS, usually port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// PEM file of the certificate authorities to trust instead of the system's (self-signed servers).
    public var caFile: String?
    /// Name sent in EHLO; nil uses the sender address's domain.
    public var heloName: String?
    /// Longest wait for the connection, the TLS handshake, and each reply.
    public var timeout: TimeInterval

    public init(host: String, port: Int = 587, security: Security = .starttls, username: String? = nil, password: String? = nil,
                caFile: String? = nil, heloName: String? = nil, timeout: TimeInterval = 30) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.heloName = heloName
        self.timeout = timeout
    }

    /// `host:port`, how errors name the server.
    var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SMTPSettings(\(server), security: \(security.rawValue), username: \(username ?? "none"), "
            + "password: \(password == nil ? "none" : "<redacted>"), caFile: \(caFile ?? "system"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "security": security, "username": username as Any,
                                "password": password == nil ? "none" : "<redacted>", "caFile": caFile as Any],
               displayStyle: .struct)
    }
}
