import Foundation
import Yams

/// `/docs`: a readable reference rendered on the server from the OpenAPI document (no scripts,
/// nothing fetched from elsewhere): every operation with its parameters, body and responses,
/// then every schema with its properties.
enum APIReferencePage {
    static func render(yaml: String) -> String {
        guard let root = (try? Yams.load(yaml: yaml)) as? [String: Any] else {
            return page(title: "PortIn API", body: "<p>The API document could not be read. Fetch <a href=\"/openapi.yaml\">/openapi.yaml</a>.</p>")
        }
        let info = root["info"] as? [String: Any] ?? [:]
        let title = info["title"] as? String ?? "API"
        var body = "<h1>\(escape(title)) <small>\(escape(info["version"] as? String ?? ""))</small></h1>\n"
        if let description = info["description"] as? String { body += paragraphs(description) }
        body += "<p>The machine-readable contract: <a href=\"/openapi.yaml\">/openapi.yaml</a>.</p>\n"
        let paths = root["paths"] as? [String: Any] ?? [:]
        body += "<nav><h2>Operations</h2><ul>\n"
        let methods = ["get", "post", "put", "patch", "delete"]
        var sections = ""
        for path in paths.keys.sorted() {
            guard let item = paths[path] as? [String: Any] else { continue }
            let shared = item["parameters"] as? [Any] ?? []
            for method in methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                let id = operation["operationId"] as? String ?? "\(method)-\(path)"
                body += "<li><a href=\"#\(escape(id))\"><code>\(method.uppercased()) \(escape(path))</code></a>"
                if let summary = operation["summary"] as? String { body += " — \(escape(summary))" }
                body += "</li>\n"
                sections += operationSection(id: id, method: method, path: path, operation: operation, shared: shared)
            }
        }
        body += "</ul></nav>\n" + sections
        if let schemas = (root["components"] as? [String: Any])?["schemas"] as? [String: Any] {
            body += "<h2>Schemas</h2>\n"
            for name in schemas.keys.sorted() {
                body += schemaSection(name: name, schema: schemas[name] as? [String: Any] ?? [:])
            }
        }
        return page(title: title, body: body)
    }

    private static func operationSection(id: String, method: String, path: String, operation: [String: Any], shared: [Any]) -> String {
        var out = "<section id=\"\(escape(id))\"><h3><code>\(method.uppercased()) \(escape(path))</code></h3>\n"
        if let summary = operation["summary"] as? String { out += "<p><strong>\(escape(summary))</strong></p>\n" }
        if let description = operation["description"] as? String { out += paragraphs(description) }
        if let security = operation["security"] as? [Any], security.isEmpty { out += "<p>No authentication.</p>\n" }
        let parameters = (shared + (operation["parameters"] as? [Any] ?? [])).compactMap { $0 as? [String: Any] }
        if !parameters.isEmpty {
            out += "<table><caption>Parameters</caption><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th></tr>\n"
            for parameter in parameters {
                let name = parameter["name"] as? String ?? reference(parameter)
                out += "<tr><td><code>\(escape(name))</code></td><td>\(escape(parameter["in"] as? String ?? ""))</td>"
                out += "<td>\(escape(typeText(parameter["schema"] as? [String: Any] ?? parameter)))</td>"
                out += "<td>\((parameter["required"] as? Bool ?? false) ? "yes" : "no")</td></tr>\n"
            }
            out += "</table>\n"
        }
        if let body = operation["requestBody"] as? [String: Any], let content = body["content"] as? [String: Any] {
            for (type, value) in content.sorted(by: { $0.key < $1.key }) {
                let schema = (value as? [String: Any])?["schema"] as? [String: Any] ?? [:]
                out += "<p>Body (<code>\(escape(type))</code>): \(escape(typeText(schema)))</p>\n"
            }
        }
        if let responses = operation["responses"] as? [String: Any] {
            out += "<table><caption>Responses</caption><tr><th>Status</th><th>Body</th></tr>\n"
            for status in responses.keys.sorted() {
                let response = responses[status] as? [String: Any] ?? [:]
                var text = response["description"] as? String ?? reference(response)
                if let content = response["content"] as? [String: Any] {
                    for (type, value) in content.sorted(by: { $0.key < $1.key }) {
                        let schema = (value as? [String: Any])?["schema"] as? [String: Any] ?? [:]
                        text += " <code>\(escape(type))</code> \(escape(typeText(schema)))"
                    }
                }
                out += "<tr><td>\(escape(status))</td><td>\(text.contains("<code>") ? text : escape(text))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</section>\n"
    }

    private static func schemaSection(name: String, schema: [String: Any]) -> String {
        var out = "<section id=\"schema-\(escape(name))\"><h3>\(escape(name))</h3>\n"
        var properties = schema["properties"] as? [String: Any] ?? [:]
        var required = Set(schema["required"] as? [String] ?? [])
        for part in schema["allOf"] as? [Any] ?? [] {
            guard let part = part as? [String: Any] else { continue }
            if let ref = part["$ref"] as? String { out += "<p>Includes <a href=\"#schema-\(escape(short(ref)))\">\(escape(short(ref)))</a>.</p>\n" }
            properties.merge(part["properties"] as? [String: Any] ?? [:]) { first, _ in first }
            required.formUnion(part["required"] as? [String] ?? [])
        }
        if let values = schema["enum"] as? [Any] {
            out += "<p>One of: " + values.map { "<code>\(escape("\($0)"))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        if !properties.isEmpty {
            out += "<table><tr><th>Property</th><th>Type</th><th>Required</th><th>Notes</th></tr>\n"
            for key in properties.keys.sorted() {
                let property = properties[key] as? [String: Any] ?? [:]
                out += "<tr><td><code>\(escape(key))</code></td><td>\(escape(typeText(property)))</td>"
                out += "<td>\(required.contains(key) ? "yes" : "no")</td><td>\(escape(property["description"] as? String ?? ""))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</section>\n"
    }

    /// A short human description of a schema: `string (date)`, `array of PortRequest`, `PortStatus or null`.
    static func typeText(_ schema: [String: Any]) -> String {
        if let ref = schema["$ref"] as? String { return short(ref) }
        if let options = schema["oneOf"] as? [Any] ?? schema["anyOf"] as? [Any] {
            return options.compactMap { ($0 as? [String: Any]).map(typeText) }.joined(separator: " or ")
        }
        var base: String
        if let types = schema["type"] as? [Any] {
            base = types.map { "\($0)" }.joined(separator: " or ")
        } else {
            base = schema["type"] as? String ?? (schema["properties"] != nil ? "object" : "any")
        }
        if base.hasPrefix("array"), let items = schema["items"] as? [String: Any] { base = "array of " + typeText(items) }
        if let format = schema["format"] as? String { base += " (\(format))" }
        if let values = schema["enum"] as? [Any] { base += ": " + values.map { "\($0)" }.joined(separator: " | ") }
        return base
    }

    private static func reference(_ object: [String: Any]) -> String {
        (object["$ref"] as? String).map(short) ?? ""
    }

    private static func short(_ ref: String) -> String { String(ref.split(separator: "/").last ?? Substring(ref)) }

    private static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { "<p>\(escape($0))</p>\n" }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) reference</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b}
        code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}
        section{border-top:1px solid #ddd;padding-top:.5rem}small{color:#555}
        </style></head><body>
        \(body)
        </body></html>
        """
    }
}
