import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PortInTestSupport
import Synchronization

/// `portin serve` as a real child process: started, read until it prints where it listens, stopped with SIGTERM.
final class ServeProcess: @unchecked Sendable {
    let process: ChildProcess
    /// Where the child's standard output goes (a file: nobody has to drain it).
    let outputFile: String
    let baseURL: String

    /// Starts `portin serve` with `environment` in `directory`; waits (up to 120 s) for the banner.
    init(environment: [String: String], directory: URL) throws {
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
            if url == nil { Thread.sleep(forTimeInterval: 0.05) }  // polling for the child's banner, not timing behaviour
        }
        guard let url else {
            process.terminate()
            process.wait()
            throw CLIProcessError.noBanner((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "")
        }
        baseURL = url
    }

    var banner: String { (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits for the exit status.
    func stop() -> Int32 {
        process.terminate()
        return process.wait()
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
