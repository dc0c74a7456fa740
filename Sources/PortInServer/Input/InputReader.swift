import Foundation
import PortInCore

/// Reads a JSON body field by field, collecting every problem (field path, rule, message) rather
/// than stopping at the first, and never echoing submitted values in messages.
struct InputReader {
    private(set) var errors: [FieldError] = []

    mutating func add(_ field: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }

    /// The body as a JSON object; a body that is not one is a single problem.
    static func object(from data: Data?) throws -> [String: JSONValue] {
        guard let data, !data.isEmpty else {
            throw Problem.field("body", code: "required", message: "Send a JSON object body.")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw Problem.field("body", code: "invalid_json", message: "The body is not valid JSON.")
        }
        guard case .object(let object) = value else {
            throw Problem.field("body", code: "invalid_type", message: "The body must be a JSON object, not \(value.typeName).")
        }
        return object
    }

    /// A field error for a `DecodingError` (type mismatch or missing key), naming the path.
    static func fieldError(for error: DecodingError) -> FieldError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), code: "required", message: "This field is required.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return FieldError(field: path(context.codingPath), code: "invalid_type", message: "This field has the wrong type.")
        case .dataCorrupted(let context):
            return FieldError(field: path(context.codingPath), code: "invalid_value", message: "This value cannot be read.")
        @unknown default:
            return FieldError(field: "body", code: "invalid_value", message: "The body cannot be read.")
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A string field; `maxLength` counts characters. Empty strings are kept only when `allowEmpty`.
    mutating func string(_ object: [String: JSONValue], _ key: String, at path: String = "", maxLength: Int = 200,
                         allowEmpty: Bool = false) -> Patch<String> {
        let field = Self.join(path, key)
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .string(let raw)?:
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty && !allowEmpty { return .null }
            if text.count > maxLength {
                add(field, "too_long", "At most \(maxLength) characters.")
                return .absent
            }
            return .value(text)
        case let other?:
            add(field, "invalid_type", "Expected a string, got \(other.typeName).")
            return .absent
        }
    }

    /// A required string (absent, null or blank is a problem).
    mutating func requiredString(_ object: [String: JSONValue], _ key: String, at path: String = "", maxLength: Int = 200) -> String? {
        let result = string(object, key, at: path, maxLength: maxLength)
        switch result {
        case .value(let text): return text
        case .null, .absent:
            if !errors.contains(where: { $0.field == Self.join(path, key) }) {
                add(Self.join(path, key), "required", "This field is required.")
            }
            return nil
        }
    }

    mutating func bool(_ object: [String: JSONValue], _ key: String, at path: String = "") -> Patch<Bool> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .bool(let flag)?: return .value(flag)
        case let other?:
            add(Self.join(path, key), "invalid_type", "Expected true or false, got \(other.typeName).")
            return .absent
        }
    }

    /// A string that must be one of `E`'s raw values.
    mutating func enumeration<E: RawRepresentable & CaseIterable & Sendable>(_ object: [String: JSONValue], _ key: String,
                                                                              as type: E.Type, at path: String = "") -> Patch<E>
    where E.RawValue == String {
        let field = Self.join(path, key)
        switch string(object, key, at: path) {
        case .absent: return .absent
        case .null: return .null
        case .value(let text):
            guard let value = E(rawValue: text) else {
                add(field, "invalid_value", "Use one of: " + E.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                return .absent
            }
            return .value(value)
        }
    }

    /// A `YYYY-MM-DD` calendar date.
    mutating func date(_ object: [String: JSONValue], _ key: String, at path: String = "") -> Patch<CivilDate> {
        switch string(object, key, at: path, maxLength: 10) {
        case .absent: return .absent
        case .null: return .null
        case .value(let text):
            guard let date = CivilDate(text) else {
                add(Self.join(path, key), "invalid_date", "Use a calendar date as YYYY-MM-DD.")
                return .absent
            }
            return .value(date)
        }
    }

    /// An array of strings, each at most `maxLength`; `maxCount` bounds the array.
    mutating func strings(_ object: [String: JSONValue], _ key: String, at path: String = "", maxCount: Int,
                          maxLength: Int = 64) -> Patch<[String]> {
        let field = Self.join(path, key)
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .array(let items)?:
            if items.count > maxCount {
                add(field, "too_many", "At most \(maxCount) entries; this has \(items.count).")
                return .absent
            }
            var out: [String] = []
            out.reserveCapacity(items.count)
            var bad = 0
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    // Report the first few bad entries by index; a flood helps no one.
                    if bad < 20 { add("\(field)[\(index)]", "invalid_type", "Expected a string, got \(item.typeName).") }
                    bad += 1
                    continue
                }
                if text.count > maxLength {
                    if bad < 20 { add("\(field)[\(index)]", "too_long", "At most \(maxLength) characters.") }
                    bad += 1
                    continue
                }
                out.append(text)
            }
            return bad == 0 ? .value(out) : .absent
        case let other?:
            add(field, "invalid_type", "Expected an array of strings, got \(other.typeName).")
            return .absent
        }
    }

    /// A nested object.
    mutating func object(_ object: [String: JSONValue], _ key: String, at path: String = "") -> Patch<[String: JSONValue]> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .object(let nested)?: return .value(nested)
        case let other?:
            add(Self.join(path, key), "invalid_type", "Expected an object, got \(other.typeName).")
            return .absent
        }
    }

    /// Loose but useful: one `@`, something before it, a dotted domain after it, no spaces.
    static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    /// An absolute http(s) URL.
    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "http" || scheme == "https"
    }
}
