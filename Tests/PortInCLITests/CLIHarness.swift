import Foundation

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
                    directory: URL? = nil) throws -> Output {
        try run(arguments, stdinData: stdin.map { Data($0.utf8) }, environment: environment, directory: directory)
    }

    static func run(_ arguments: [String], stdinData: Data?, environment: [String: String] = [:],
                    directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        // Feed stdin on its own thread: a large input would otherwise fill the pipe while the child
        // waits for us to read its output, and both would block.
        let writer = input.fileHandleForWriting
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let stdinData { writer.write(stdinData) }
            try? writer.close()
            done.signal()
        }
        // Read stderr on another thread so neither output pipe can fill up and block the child.
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        done.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Carries the stderr bytes from the reader thread; the semaphore orders the accesses.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
