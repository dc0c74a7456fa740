import Logging
import Testing
@testable import PortInServer

@Suite("Server configuration")
struct ServerConfigurationTests {
    @Test("defaults are the embedded ones")
    func defaults() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./portin-data")
        #expect(configuration.databaseURL == nil)
        #expect(configuration.carrierURL == nil)
        #expect(configuration.maxUploadBytes == 10 * 1024 * 1024)
        #expect(configuration.demo)
    }

    @Test(".env is read (comments, export, quotes) and the environment wins")
    func dotEnv() throws {
        let file = """
        # local settings
        export PORTIN_PORT=9000
        PORTIN_HOST="0.0.0.0"
        DATABASE_URL='postgres://u:p@db:5432/portin'
        PORTIN_LOG_LEVEL=debug

        PORTIN_DEMO=false
        """
        let configuration = try ServerConfiguration(environment: ["PORTIN_PORT": "9100"], dotEnv: file)
        #expect(configuration.port == 9100)
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.databaseURL == "postgres://u:p@db:5432/portin")
        #expect(configuration.logLevel == .debug)
        #expect(!configuration.demo)
    }

    @Test("every bad value is reported at once, by name")
    func problems() {
        do {
            _ = try ServerConfiguration(environment: ["PORTIN_PORT": "http", "PORTIN_LOG_LEVEL": "loud", "PORTIN_DEMO": "maybe",
                                                      "PORTIN_CARRIER_URL": "http://carrier", "PORTIN_MAX_UPLOAD_BYTES": "-1"])
            Issue.record("expected a configuration error")
        } catch {
            let text = error.description
            for name in ["PORTIN_PORT", "PORTIN_LOG_LEVEL", "PORTIN_DEMO", "PORTIN_CARRIER_API_KEY", "PORTIN_MAX_UPLOAD_BYTES"] {
                #expect(text.contains(name), "\(name) missing from \(text)")
            }
            #expect(error.problems.count == 5)
        }
    }

    @Test("the README's configuration table names every variable")
    func readmeTable() throws {
        let readme = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/PortInServerTests/ServerConfigurationTests.swift",
                                                                              with: "README.md"), encoding: .utf8)
        for (name, _) in ServerConfiguration.variables {
            #expect(readme.contains("| `\(name)` |"), "README lacks \(name)")
        }
    }
}
