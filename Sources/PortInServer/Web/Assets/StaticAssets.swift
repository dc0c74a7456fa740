import Crypto
import Foundation
import Vapor

/// The pages' stylesheet, script and images (`Resources/web`), loaded once and served by us. Pages
/// link them as `/assets/<name>?v=<hash>`, so a versioned URL can be cached for a year and a new
/// build changes the URL.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var data: Data
        var contentType: String
        /// First 12 hex characters of the SHA-256: the version in URLs and the ETag.
        var version: String
    }

    let assets: [String: Asset]

    static let shared = StaticAssets(directory: Bundle.module.url(forResource: "web", withExtension: nil))

    init(directory: URL?) {
        var assets: [String: Asset] = [:]
        let names = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        for name in names where !name.hasPrefix(".") {
            guard let directory, let type = Self.contentType(of: name),
                  let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { continue }
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            assets[name] = Asset(data: data, contentType: type, version: String(hash.prefix(12)))
        }
        self.assets = assets
    }

    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: nil
        }
    }

    /// The versioned URL of an asset.
    func url(_ name: String) -> String {
        "/assets/" + name + (assets[name].map { "?v=" + $0.version } ?? "")
    }

    /// `GET /assets/:name`: immutable for a year when the URL names the current version, briefly
    /// otherwise; 304 when the browser already has it.
    func response(_ request: Request) throws -> Response {
        guard let name = request.parameters.get("name"), let asset = assets[name] else {
            throw Problem(.notFound, code: "not_found", title: "Not found", detail: "No such file.")
        }
        let etag = "\"" + asset.version + "\""
        var headers = HTTPHeaders()
        let versioned = request.query[String.self, at: "v"] == asset.version
        headers.replaceOrAdd(name: .cacheControl, value: versioned ? "public, max-age=31536000, immutable" : "public, max-age=300")
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if request.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers.replaceOrAdd(name: .contentType, value: asset.contentType)
        return Response(status: .ok, headers: headers, body: .init(data: asset.data))
    }
}
