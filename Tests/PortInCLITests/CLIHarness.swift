import Foundation
import PortInTestSupport

/// Runs the built `portin` executable as a real process (it sits beside the test bundle).
enum CLI {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executableURL: URL {
        // The test binary lives in .build/<config>/; so does `portin`.
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = me.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("portin").path),
              dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("portin")
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) async throws -> Output {
        try await run(arguments, stdinData: stdin.map { Data($0.utf8) }, environment: environment, directory: directory)
    }

    static func run(_ arguments: [String], stdinData: Data?, environment: [String: String] = [:],
                    directory: URL? = nil) async throws -> Output {
        // Input from a file and output to files: no pipe can fill up and block the child or us.
        var stdinFile: String?
        if let stdinData {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("cli-stdin-\(UUID().uuidString)")
            try stdinData.write(to: file)
            stdinFile = file.path
        }
        defer { if let stdinFile { try? FileManager.default.removeItem(atPath: stdinFile) } }
        let merged = environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let result = try await ChildProcess.run(executableURL.path, arguments, environment: merged, directory: directory?.path,
                                          stdinFile: stdinFile)
        return Output(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                      stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
