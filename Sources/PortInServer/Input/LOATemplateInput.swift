import Foundation
import PortInCore
import PortInDocuments

/// Every problem of an uploaded template, each at its JSON path.
struct LOATemplateProblems: Error, Sendable {
    var errors: [FieldError]

    init(errors: [FieldError]) { self.errors = errors }
    init(_ errors: [FieldError]) { self.errors = errors }
}

/// A per-country LOA template as ops upload it (the JSON of docs/loa-templates/GB.json): read field
/// by field so every problem is reported at once (types, required fields, unknown keys), then the
/// template's own rules (`LOATemplate.problems`: placeholders, field keys, labels).
enum LOATemplateInput {
    /// A template is a few paragraphs: far below this.
    static let maxBytes = 64 * 1024
    static let topLevelKeys: Set<String> = ["id", "title", "paragraphs", "extra_fields", "numbers_heading", "signature_statement",
                                            "field_labels"]

    /// The template of `data`, or every problem with it.
    static func read(_ data: Data) -> Result<LOATemplate, LOATemplateProblems> {
        guard !data.isEmpty else {
            return .failure(LOATemplateProblems([FieldError(field: "template", code: "required", message: "Paste the template JSON or choose a .json file.")]))
        }
        guard data.count <= maxBytes else {
            return .failure(LOATemplateProblems([FieldError(field: "template", code: "too_large",
                                        message: "A template is at most \(maxBytes / 1024) KiB; this is \(data.count) bytes.")]))
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return .failure(LOATemplateProblems([FieldError(field: "template", code: "invalid_json",
                                        message: "This is not valid JSON (check quotes, commas and brackets).")]))
        }
        guard case .object(let object) = value else {
            return .failure(LOATemplateProblems([FieldError(field: "template", code: "invalid_type", message: "The template must be a JSON object, not \(value.typeName).")]))
        }
        return read(object)
    }

    static func read(_ object: [String: JSONValue]) -> Result<LOATemplate, LOATemplateProblems> {
        var reader = InputReader()
        let length = LOATemplate.maxTextLength
        for key in object.keys.sorted() where !topLevelKeys.contains(key) {
            reader.add(String(key.prefix(60)), "unknown_field", "Not a template field; use: " + topLevelKeys.sorted().joined(separator: ", ") + ".")
        }
        let id = reader.requiredString(object, "id", maxLength: 100)
        let title = reader.requiredString(object, "title", maxLength: length)
        let numbersHeading = reader.requiredString(object, "numbers_heading", maxLength: length)
        let signatureStatement = reader.requiredString(object, "signature_statement", maxLength: length)
        var paragraphs: [String]?
        switch reader.strings(object, "paragraphs", maxCount: 30, maxLength: length) {
        case .value(let texts): paragraphs = texts
        case .null: reader.add("paragraphs", "required", "Give at least one paragraph.")
        case .absent where !reader.errors.contains(where: { $0.field.hasPrefix("paragraphs") }):
            reader.add("paragraphs", "required", "Give at least one paragraph.")
        case .absent: break
        }
        // Unreadable parts go in empty (keeping every index), so the template's own rules still
        // check the rest; their problems at a path already reported are dropped below.
        var fields: [LOATemplate.Field] = []
        switch object["extra_fields"] {
        case nil, .null?: break
        case .array(let items)?:
            for (index, item) in items.prefix(LOATemplate.maxExtraFields + 1).enumerated() {
                let path = "extra_fields[\(index)]"
                guard case .object(let field) = item else {
                    reader.add(path, "invalid_type", "Each extra field is an object with key, label and required.")
                    fields.append(LOATemplate.Field(key: "", label: ""))
                    continue
                }
                for key in field.keys.sorted() where !["key", "label", "required"].contains(key) {
                    reader.add(path + "." + String(key.prefix(60)), "unknown_field", "Not an extra field property; use key, label, required.")
                }
                let key = reader.requiredString(field, "key", at: path, maxLength: 100)
                let label = reader.requiredString(field, "label", at: path, maxLength: 200)
                let required = reader.bool(field, "required", at: path).value ?? true
                fields.append(LOATemplate.Field(key: key ?? "", label: label ?? "", required: required))
            }
            if items.count > LOATemplate.maxExtraFields {
                reader.add("extra_fields", "too_many", "At most \(LOATemplate.maxExtraFields) extra fields; this has \(items.count).")
            }
        case let other?:
            reader.add("extra_fields", "invalid_type", "Expected an array of fields, got \(other.typeName).")
        }
        var labels: [String: String] = [:]
        switch reader.object(object, "field_labels") {
        case .value(let entries):
            for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
                guard case .string = entry else {
                    reader.add("field_labels." + String(key.prefix(60)), "invalid_type", "Expected a label (string), got \(entry.typeName).")
                    continue
                }
                if let label = reader.requiredString(entries, key, at: "field_labels", maxLength: 200) { labels[key] = label }
            }
        case .null, .absent: break
        }
        let template = LOATemplate(id: id ?? "", title: title ?? "", paragraphs: paragraphs ?? [], extraFields: fields,
                                   numbersHeading: numbersHeading ?? "", signatureStatement: signatureStatement ?? "", fieldLabels: labels)
        let reported = reader.errors.map(\.field)
        // The same place, inside it, or around it (`paragraphs` when `paragraphs[1]` was unreadable).
        func within(_ path: String, _ other: String) -> Bool { path == other || path.hasPrefix(other + ".") || path.hasPrefix(other + "[") }
        func alreadyReported(_ field: String) -> Bool { reported.contains { within(field, $0) || within($0, field) } }
        let errors = reader.errors + template.problems(respOrgID: nil).filter { !alreadyReported($0.field) }
            .map { FieldError(field: $0.field, code: $0.code, message: $0.message) }
        return errors.isEmpty ? .success(template) : .failure(LOATemplateProblems(errors: errors))
    }

    /// An ISO 3166 alpha-2 country code, upper-cased; nil when `text` is not one.
    static func country(_ text: String?) -> String? {
        let code = (text ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return code
    }

    static func countryError(field: String = "country") -> FieldError {
        FieldError(field: field, code: "invalid_value", message: "Use an ISO 3166 two-letter country code, e.g. GB.")
    }
}
