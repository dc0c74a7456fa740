import Foundation
import PortInTestSupport
import Synchronization

/// A real SMTP server (Python's aiosmtpd, `scripts/smtp_test_server.py`) in a child
/// process on a port the OS picks, storing what it receives in a temporary directory. Without
/// python3, aiosmtpd or openssl the test fails with how to install them: it is never skipped.
final class SMTPTestServer {
    enum TLSMode: String {
        case none
        case starttls
        case implicit
    }

    /// One message as the server received it.
    struct Received {
        var raw: Data
        var mailFrom: String
        var recipients: [String]
        /// The AUTH login, nil when the client did not authenticate.
        var login: String?
        var tls: Bool

        func parsed() throws -> ParsedEmail { try ParsedEmail(raw) }
    }

    let port: Int
    let directory: URL
    private let process: ChildProcess

    /// The self-signed certificate to trust (with TLS).
    var caFile: String { directory.appendingPathComponent("cert.pem").path }

    private init(port: Int, directory: URL, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// `scripts/smtp_test_server.py` (outside the test target, which would otherwise have to declare it).
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/smtp_test_server.py").path
    static let installHint = "the SMTP tests need python3 with aiosmtpd and openssl: run `python3 -m pip install aiosmtpd`"

    /// Starts a server, runs `body`, stops it (also when `body` throws).
    static func with<T>(tls: TLSMode = .none, user: String? = nil, password: String? = nil, onlyLogin: Bool = false,
                        _ body: (SMTPTestServer) async throws -> T) async throws -> T {
        let server = try await start(tls: tls, user: user, password: password, onlyLogin: onlyLogin)
        return try await withCleanup { try await body(server) } cleanup: { await server.stop() }
    }

    private static func start(tls: TLSMode, user: String?, password: String?, onlyLogin: Bool) async throws -> SMTPTestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portin-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let errorLog = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        var arguments = [script, "--dir", directory.path, "--tls", tls.rawValue]
        if let user { arguments += ["--user", user] }
        if let password { arguments += ["--password", password] }
        if onlyLogin { arguments.append("--only-login") }
        // Stdin is a pipe only the server reads: closing it (or this process dying) stops the server.
        // Errors go to a file, which nobody has to drain while the server runs.
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn("python3", arguments, stdin: .pipe, stdout: .pipe, stderr: .file(errorLog.path))
        } catch {
            throw SMTPTestServerError("cannot run python3 (\(error)); \(installHint)")
        }
        let line = await firstLine(of: process.stdout!)
        guard let line, line.hasPrefix("READY "), let port = Int(line.dropFirst(6)) else {
            let status = await process.exitStatus()
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw SMTPTestServerError("the SMTP test server did not start (exit \(status)): \(log.suffix(2000)) -- \(installHint)")
        }
        return SMTPTestServer(port: port, directory: directory, process: process)
    }

    private func stop() async {
        try? process.stdin?.close()
        process.terminate()
        _ = await process.exitStatus()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every message received so far, in order.
    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let stem = directory.appendingPathComponent(String(name.dropLast(4)))
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: stem.appendingPathExtension("json"))) as? [String: Any] ?? [:]
            return Received(raw: try Data(contentsOf: stem.appendingPathExtension("eml")), mailFrom: meta["mail_from"] as? String ?? "",
                            recipients: meta["rcpt_tos"] as? [String] ?? [], login: meta["login"] as? String,
                            tls: meta["tls"] as? Bool ?? false)
        }
    }

    /// The first line the child writes, nil at end of file (it exited). Read with a readability
    /// handler, so no thread of the cooperative pool blocks on the pipe.
    private static func firstLine(of handle: FileHandle) async -> String? {
        let reader = LineReader()
        return await withCheckedContinuation { continuation in
            reader.start(continuation)
            handle.readabilityHandler = { handle in
                if reader.feed(handle.availableData) { handle.readabilityHandler = nil }
            }
        }
    }
}

private final class LineReader: Sendable {
    private let state = Mutex<(buffer: Data, continuation: CheckedContinuation<String?, Never>?)>((Data(), nil))

    func start(_ continuation: CheckedContinuation<String?, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Adds a chunk (empty at end of file); true once the continuation is resumed.
    func feed(_ chunk: Data) -> Bool {
        state.withLock { state in
            guard let continuation = state.continuation else { return true }
            state.buffer += chunk
            if let newline = state.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                continuation.resume(returning: String(decoding: state.buffer[..<newline], as: UTF8.self))
            } else if chunk.isEmpty {
                continuation.resume(returning: nil)
            } else {
                return false
            }
            state.continuation = nil
            return true
        }
    }
}

struct SMTPTestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
