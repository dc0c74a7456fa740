import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PortInTestSupport

/// `portin serve` as a real child process: started, read until it prints where it listens, stopped with SIGTERM.
final class ServeProcess: @unchecked Sendable {
    let process: ChildProcess
    /// Where the child's standard output goes (a file: nobody has to drain it).
    let outputFile: String
    let baseURL: String

    /// Starts `portin serve` with `environment` in `directory`; waits (up to 120 s) for the banner.
    init(environment: [String: String], directory: URL) async throws {
        let outputFile = directory.appendingPathComponent("serve-\(UUID().uuidString).out").path
        let process = try ChildProcess.spawn(CLI.executableURL.path, ["serve"],
                                             environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
                                             directory: directory.path, stdout: .file(outputFile), stderr: .null)
        self.process = process
        self.outputFile = outputFile
        let deadline = Date().addingTimeInterval(120)
        var url: String?
        while url == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PortIn is listening on ") }),
               text.contains("Stop with Ctrl-C.") {
                url = String(line.dropFirst("PortIn is listening on ".count))
            }
            // Polling for the child's banner, not timing behaviour; a suspension, not a blocked thread.
            if url == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let url else {
            process.terminate()
            _ = await process.exitStatus()
            throw CLIProcessError.noBanner((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "")
        }
        baseURL = url
    }

    var banner: String { (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits for the exit status.
    func stop() async -> Int32 {
        process.terminate()
        return await process.exitStatus()
    }

    /// An HTTP call (status, body); status 0 when no answer came.
    func request(_ method: String, _ path: String, user: String? = nil, json: Any? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let user { request.setValue("Basic " + Data(user.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        guard let (data, response) = try? await URLSession.shared.data(for: request) else { return (0, [:]) }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:])
    }
}

enum CLIProcessError: Error {
    case noBanner(String)
}
