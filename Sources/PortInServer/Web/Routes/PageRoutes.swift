import Vapor

/// The browser pages, apart from the API: HTML answers (errors too), cookie sessions instead of
/// Basic credentials, and their own access rules (PageAccessTests). They are left out of the API
/// contract and the API's access matrix by this one rule.
enum PageRoutes {
    /// Every path under these (and `/` itself) is a page route.
    static let prefixes = ["/app", "/ops", "/login", "/logout", "/assets", "/sign"]

    static func isPagePath(_ path: String) -> Bool {
        path == "/" || prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    static func register(on app: Vapor.Application, context: APIContext) {
        // Stylesheet and script need no session (nor a database read).
        app.get("assets", ":name") { request in try StaticAssets.shared.response(request) }
        let pages = app.grouped(WebSessionMiddleware(sessions: context.sessions, maxBodyBytes: context.limits.maxUploadBytes + 64 * 1024))
        LoginPageRoutes(context: context).register(on: pages)
        CustomerPageRoutes(context: context).register(on: pages)
        WizardPageRoutes(context: context).register(on: pages)
        SigningPageRoutes(context: context).register(on: pages)
        OpsPageRoutes(context: context).register(on: pages)
        OpsTemplatePageRoutes(context: context).register(on: pages)
    }
}

/// A URL-encoded form body as name -> value (the last value of a repeated name). Names are kept
/// as sent, so `service_address.street` stays one name.
enum FormBody {
    static func fields(_ request: Request) -> [String: String] {
        guard let buffer = request.body.data else { return [:] }
        return parse(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            guard !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
