import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// `portin serve` as a real child process: started, read until it prints where it listens, stopped with SIGTERM.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let output: OutputBuffer
    let baseURL: String

    /// What the child printed so far, shared with the pipe's reading thread.
    final class OutputBuffer: Sendable {
        let text = Mutex("")
    }

    /// Starts `portin serve` with `environment` in `directory`; waits (up to 120 s) for the banner.
    init(environment: [String: String], directory: URL) throws {
        let process = Process()
        process.executableURL = CLI.executableURL
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let output = OutputBuffer()
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var url: String?
        while url == nil && Date() < deadline && process.isRunning {
            url = output.text.withLock { text in
                guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PortIn is listening on ") }),
                      text.contains("Stop with Ctrl-C.") else { return nil }
                return String(line.dropFirst("PortIn is listening on ".count))
            }
            if url == nil { Thread.sleep(forTimeInterval: 0.05) }  // polling for the child's banner, not timing behaviour
        }
        self.process = process
        self.output = output
        guard let url else {
            process.terminate()
            throw CLIProcessError.noBanner(output.text.withLock { $0 })
        }
        baseURL = url
    }

    var banner: String { output.text.withLock { $0 } }

    /// SIGTERM, then waits for the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A blocking HTTP call (status, body).
    func request(_ method: String, _ path: String, user: String? = nil, json: Any? = nil) throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let user { request.setValue("Basic " + Data(user.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let result = Mutex<(Int, Data)>((0, Data()))
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result.withLock { $0 = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()) }
            done.signal()
        }.resume()
        done.wait()
        let (status, data) = result.withLock { $0 }
        return (status, ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:])
    }
}

enum CLIProcessError: Error {
    case noBanner(String)
}
