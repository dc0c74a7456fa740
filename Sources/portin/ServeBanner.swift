import PortInServer

/// What `portin serve` prints once it listens: where, on what, and how to try it.
enum ServeBanner {
    /// Valid numbers of the embedded simulator's world that answer a portability check.
    static let exampleNumbers = ["+1 217 522 0142", "+1 312 224 0200", "+1 888 244 0100"]

    static func text(_ runtime: PortInRuntime) -> String {
        let configuration = runtime.configuration
        let base = runtime.server.baseURL
        let database = configuration.databaseURL == nil ? "SQLite in \(configuration.dataDirectory)" : "the DATABASE_URL database"
        let carrier = runtime.network != nil ? "embedded carrier simulator (seed \(configuration.simulatorSeed))"
            : "partner carrier at \(configuration.carrierURL ?? "?")"
        var lines = [
            "PortIn is listening on \(base)",
            "  data: \(database); carrier: \(carrier)",
            "  API reference: \(base)/docs   contract: \(base)/openapi.yaml   health: \(base)/health",
        ]
        if let demo = runtime.demo {
            let numbers = exampleNumbers.map { "\"\($0)\"" }.joined(separator: ",")
            lines += [
                "",
                "Demo account (standard plan), saved in \(configuration.dataDirectory)/demo-credentials.json:",
                "  auth_id:    \(demo.authId)",
                "  auth_token: \(demo.authToken)",
                "Ops user: \(demo.opsEmail)  API auth_id \(demo.opsAuthId)  auth_token \(demo.opsAuthToken)",
                "",
                "Portal: \(base)/login",
                "  customer login: \(demo.customerEmail)  password: \(demo.customerPassword)",
                "  ops login:      \(demo.opsEmail)  password: \(demo.opsPassword)",
                "",
                "Try it:",
                "  curl -s -u '\(demo.authId):\(demo.authToken)' -H 'Content-Type: application/json' \\",
                "    -d '{\"numbers\":[\(numbers)]}' \(base)/v1/portability-checks",
            ]
        }
        lines.append("Stop with Ctrl-C.")
        return lines.joined(separator: "\n")
    }
}
