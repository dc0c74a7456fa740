import Foundation
import PortInCore
import Logging

/// Every setting of `portin serve`, read from the environment and an optional `.env` file
/// (the environment wins). The README's configuration table lists the same names and defaults.
public struct ServerConfiguration: Sendable, Hashable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// SQLite file, PIN key, documents and demo credentials live here.
    public var dataDirectory: String = "./portin-data"
    /// Empty: SQLite at `<data>/portin.sqlite`.
    public var databaseURL: String?
    /// Base64 of 32 bytes. Empty: generated once into `<data>/pin.key`.
    public var pinKey: String?
    /// The partner carrier's API. Empty: the embedded carrier network simulator.
    public var carrierURL: String?
    public var carrierAPIKey: String?
    /// Secret of the partner's signed callbacks (`POST /v1/carrier/callbacks`).
    public var callbackSecret: String?
    /// Run a job worker inside `serve` (run `portin worker` processes instead when false).
    public var embeddedWorker: Bool = true
    /// Seed of the embedded simulator's world.
    public var simulatorSeed: UInt64 = 42
    public var maxUploadBytes: Int = 10 * 1024 * 1024
    public var logLevel: Logger.Level = .info
    /// Create the demo account and ops user on first start.
    public var demo: Bool = true
    /// How many times faster than real time the service and the embedded simulator run; nil:
    /// `demoClockSpeed` with the embedded simulator, real time with a partner carrier (a faster one
    /// only makes sense with a `carrier-sim --clock-file <data>/demo-clock.json` sharing the timeline).
    public var clockSpeed: Double?

    /// Fast enough that a port (about three weeks of carrier time) completes in under 3 minutes.
    public static let demoClockSpeed: Double = 20_000

    /// Whether the session cookie is `Secure` as configured (`auto` decided by the listen address).
    public var effectiveSecureCookies: Bool {
        secureCookies ?? !["127.0.0.1", "::1", "localhost"].contains(host.lowercased())
    }

    /// The speed in effect.
    public var effectiveClockSpeed: Double { clockSpeed ?? (carrierURL == nil ? Self.demoClockSpeed : 1) }
    /// Let webhook endpoints point at loopback, private and other non-public addresses. On by default
    /// like the rest of the embedded demo (a receiver on the same machine); turn it off in production
    /// so customers cannot make PortIn call into its own network.
    public var webhooksAllowPrivate: Bool = true
    /// Mark the browser session cookie `Secure`; nil (`auto`): yes unless the server listens on
    /// loopback only (plain http on the demo's own machine), where a browser would drop it.
    public var secureCookies: Bool?
    /// Our RespOrg id (SMS/800), named on toll-free orders and LOAs.
    public var respOrgID: String = RespOrg.defaultID
    /// The SMTP server for notification emails; nil writes `.eml` files into `<data>/mail`.
    public var smtp: SMTPSettings?
    /// Sender of the notification emails (`Name <address>` or an address).
    public var mailFrom: String = "PortIn <no-reply@portin.localhost>"

    public init() {}

    /// The names read, in README order.
    public static let variables: [(name: String, meaning: String)] = [
        ("PORTIN_HOST", "address to listen on"),
        ("PORTIN_PORT", "port to listen on"),
        ("PORTIN_DATA_DIR", "directory for the SQLite file, PIN key, documents and demo credentials"),
        ("DATABASE_URL", "postgres://user:pass@host:port/db, or sqlite:///path; empty = SQLite in the data directory"),
        ("PORTIN_PIN_KEY", "base64 of 32 bytes for PIN encryption; empty = generated into <data>/pin.key"),
        ("PORTIN_CARRIER_URL", "partner carrier API base URL; empty = embedded carrier simulator"),
        ("PORTIN_CARRIER_API_KEY", "bearer key for the partner carrier API"),
        ("PORTIN_CARRIER_CALLBACK_SECRET", "HMAC secret of the partner's signed callbacks"),
        ("PORTIN_EMBEDDED_WORKER", "run a job worker inside serve (true/false)"),
        ("PORTIN_SIMULATOR_SEED", "world seed of the embedded simulator"),
        ("PORTIN_MAX_UPLOAD_BYTES", "largest document upload"),
        ("PORTIN_LOG_LEVEL", "trace, debug, info, notice, warning, error, critical"),
        ("PORTIN_DEMO", "create the demo account and ops user on first start (true/false)"),
        ("PORTIN_CLOCK_SPEED", "times faster than real time; empty = 20000 with the embedded simulator, 1 with a partner"),
        ("PORTIN_WEBHOOKS_ALLOW_PRIVATE", "let webhook endpoints use loopback and private addresses (true/false)"),
        ("PORTIN_SECURE_COOKIES", "mark the browser session cookie Secure (auto, true or false); auto = unless on loopback"),
        ("PORTIN_RESP_ORG_ID", "our RespOrg id for toll-free ports (5 capital letters or digits)"),
        ("PORTIN_SMTP_HOST", "SMTP server for notification emails; empty = .eml files in <data>/mail"),
        ("PORTIN_SMTP_PORT", "SMTP port (587, or 465 with tls)"),
        ("PORTIN_SMTP_SECURITY", "starttls, tls or none"),
        ("PORTIN_SMTP_USERNAME", "SMTP AUTH user"),
        ("PORTIN_SMTP_PASSWORD", "SMTP AUTH password (required with the user; never logged)"),
        ("PORTIN_SMTP_CA_FILE", "PEM file of the CAs to trust for the SMTP server's certificate"),
        ("PORTIN_MAIL_FROM", "sender of the notification emails"),
    ]

    /// Reads `environment` over the values of `dotEnv` (contents of a `.env` file, if any).
    /// Every unreadable value is reported at once.
    public init(environment: [String: String], dotEnv: String? = nil) throws(ConfigurationError) {
        var values = dotEnv.map(Self.parseDotEnv) ?? [:]
        values.merge(environment) { _, new in new }
        func value(_ name: String) -> String? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        var problems: [String] = []
        if let host = value("PORTIN_HOST") { self.host = host }
        if let text = value("PORTIN_PORT") {
            if let port = Int(text), (0...65_535).contains(port) { self.port = port } else { problems.append("PORTIN_PORT must be 0-65535") }
        }
        if let directory = value("PORTIN_DATA_DIR") { dataDirectory = directory }
        databaseURL = value("DATABASE_URL")
        pinKey = value("PORTIN_PIN_KEY")
        carrierURL = value("PORTIN_CARRIER_URL")
        carrierAPIKey = value("PORTIN_CARRIER_API_KEY")
        callbackSecret = value("PORTIN_CARRIER_CALLBACK_SECRET")
        if let text = value("PORTIN_SIMULATOR_SEED") {
            if let seed = UInt64(text) { simulatorSeed = seed } else { problems.append("PORTIN_SIMULATOR_SEED must be a whole number") }
        }
        if let text = value("PORTIN_MAX_UPLOAD_BYTES") {
            if let bytes = Int(text), bytes > 0 { maxUploadBytes = bytes } else { problems.append("PORTIN_MAX_UPLOAD_BYTES must be positive") }
        }
        if let text = value("PORTIN_LOG_LEVEL") {
            if let level = Logger.Level(rawValue: text.lowercased()) { logLevel = level } else {
                problems.append("PORTIN_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
            }
        }
        if let text = value("PORTIN_EMBEDDED_WORKER") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": embeddedWorker = true
            case "0", "false", "no", "off": embeddedWorker = false
            default: problems.append("PORTIN_EMBEDDED_WORKER must be true or false")
            }
        }
        if let text = value("PORTIN_DEMO") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": demo = true
            case "0", "false", "no", "off": demo = false
            default: problems.append("PORTIN_DEMO must be true or false")
            }
        }
        if let text = value("PORTIN_CLOCK_SPEED") {
            if let speed = Double(text), speed >= 1, speed <= 1_000_000 { clockSpeed = speed } else {
                problems.append("PORTIN_CLOCK_SPEED must be a number from 1 to 1000000")
            }
        }
        if let text = value("PORTIN_WEBHOOKS_ALLOW_PRIVATE") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": webhooksAllowPrivate = true
            case "0", "false", "no", "off": webhooksAllowPrivate = false
            default: problems.append("PORTIN_WEBHOOKS_ALLOW_PRIVATE must be true or false")
            }
        }
        if let text = value("PORTIN_SECURE_COOKIES") {
            switch text.lowercased() {
            case "auto": secureCookies = nil
            case "1", "true", "yes", "on": secureCookies = true
            case "0", "false", "no", "off": secureCookies = false
            default: problems.append("PORTIN_SECURE_COOKIES must be auto, true or false")
            }
        }
        if let text = value("PORTIN_RESP_ORG_ID") {
            if RespOrg.isValid(text) { respOrgID = text } else {
                problems.append("PORTIN_RESP_ORG_ID must be 5 capital letters or digits (an SMS/800 RespOrg id, e.g. PTI01)")
            }
        }
        if carrierURL != nil && carrierAPIKey == nil { problems.append("PORTIN_CARRIER_API_KEY is required with PORTIN_CARRIER_URL") }
        smtp = Self.readSMTP(value, problems: &problems)
        if let from = value("PORTIN_MAIL_FROM") {
            if EmailAddress.addrSpec(of: from) != nil { mailFrom = from } else {
                problems.append("PORTIN_MAIL_FROM must be an email address, optionally as Name <address>")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
    }

    /// The `PORTIN_SMTP_*` settings, nil without a host; every unusable value goes to `problems`.
    static func readSMTP(_ value: (String) -> String?, problems: inout [String]) -> SMTPSettings? {
        var security = SMTPSettings.Security.starttls
        if let text = value("PORTIN_SMTP_SECURITY") {
            if let chosen = SMTPSettings.Security(rawValue: text.lowercased()) { security = chosen } else {
                problems.append("PORTIN_SMTP_SECURITY must be one of starttls, tls, none")
            }
        }
        var port: Int?
        if let text = value("PORTIN_SMTP_PORT") {
            if let number = Int(text), (1...65_535).contains(number) { port = number } else {
                problems.append("PORTIN_SMTP_PORT must be 1-65535")
            }
        }
        let username = value("PORTIN_SMTP_USERNAME")
        let password = value("PORTIN_SMTP_PASSWORD")
        let caFile = value("PORTIN_SMTP_CA_FILE")
        if username != nil && password == nil { problems.append("PORTIN_SMTP_PASSWORD is required with PORTIN_SMTP_USERNAME") }
        if password != nil && username == nil { problems.append("PORTIN_SMTP_USERNAME is required with PORTIN_SMTP_PASSWORD") }
        if password != nil && security == .none {
            problems.append("PORTIN_SMTP_PASSWORD is sent only over TLS: set PORTIN_SMTP_SECURITY to starttls or tls")
        }
        if let caFile {
            if security == .none { problems.append("PORTIN_SMTP_CA_FILE needs PORTIN_SMTP_SECURITY starttls or tls") }
            if !FileManager.default.isReadableFile(atPath: caFile) {
                problems.append("PORTIN_SMTP_CA_FILE must be a readable PEM file (\(caFile) is not)")
            }
        }
        guard let host = value("PORTIN_SMTP_HOST") else {
            let orphans = ["PORTIN_SMTP_PORT", "PORTIN_SMTP_SECURITY", "PORTIN_SMTP_USERNAME", "PORTIN_SMTP_PASSWORD",
                           "PORTIN_SMTP_CA_FILE"].filter { value($0) != nil }
            if !orphans.isEmpty { problems.append("PORTIN_SMTP_HOST is required with \(orphans.joined(separator: ", "))") }
            return nil
        }
        return SMTPSettings(host: host, port: port ?? (security == .tls ? 465 : 587), security: security, username: username,
                            password: password, caFile: caFile)
    }

    /// `KEY=value` lines; `#` comments, blank lines, `export ` prefixes and surrounding quotes allowed.
    static func parseDotEnv(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            out[key] = value
        }
        return out
    }

    /// Reads the process environment and `./.env` when present.
    public static func fromProcess(dotEnvPath: String = ".env") throws(ConfigurationError) -> ServerConfiguration {
        let dotEnv = try? String(contentsOfFile: dotEnvPath, encoding: .utf8)
        return try ServerConfiguration(environment: ProcessInfo.processInfo.environment, dotEnv: dotEnv)
    }
}

/// Configuration values that cannot be used, all of them.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "configuration: " + problems.joined(separator: "; ") }
}
