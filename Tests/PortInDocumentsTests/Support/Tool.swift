import Foundation
import PortInTestSupport
import Testing

/// Runs a real command-line tool (poppler-utils, coreutils) on files the test wrote. A missing tool
/// fails the test with the package to install: CI installs poppler-utils, nothing is skipped.
struct ToolResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let stdoutBytes: [UInt8]
}

enum Tool {
    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return (directories + ["/usr/bin", "/usr/local/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` with `arguments`; records a failure naming the package when the tool is missing.
    static func run(_ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> ToolResult {
        guard let executable = path(name) else {
            Issue.record("\(name) is not installed: install poppler-utils (apt-get install -y poppler-utils), which provides pdftotext, pdftoppm, pdfinfo and pdfimages",
                         sourceLocation: sourceLocation)
            throw ToolMissing(name: name)
        }
        // Output goes to files, not pipes, so a chatty tool can never block on a full pipe.
        let result = try await ChildProcess.run(executable, arguments)
        return ToolResult(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                          stderr: String(decoding: result.stderr, as: UTF8.self), stdoutBytes: Array(result.stdout))
    }
}

struct ToolMissing: Error {
    let name: String
}

/// A private temporary directory for one test's files, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portin-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
