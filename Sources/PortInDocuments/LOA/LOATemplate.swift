/// The wording of an LOA as data: a title, paragraphs with `{placeholders}`, and any extra fields a
/// country needs (a UK LOA names the losing carrier's CUPID code and the line type, for example).
/// The US local and toll-free templates are built in; international ones are JSON that ops can
/// replace per country without a release.
public struct LOATemplate: Sendable, Hashable, Codable {
    /// An extra value the template prints in the field table and may use as `{key}`.
    public struct Field: Sendable, Hashable, Codable {
        public var key: String
        public var label: String
        public var required: Bool

        public init(key: String, label: String, required: Bool = true) {
            self.key = key
            self.label = label
            self.required = required
        }
    }

    public var id: String
    public var title: String
    public var paragraphs: [String]
    public var extraFields: [Field]
    /// Heading above the list of numbers; may use `{number_count}`.
    public var numbersHeading: String
    /// Text above the signature lines.
    public var signatureStatement: String
    /// Replacement labels for the standard field table, by placeholder name (e.g. `"btn"`).
    public var fieldLabels: [String: String]

    enum CodingKeys: String, CodingKey {
        case id
        case title
        case paragraphs
        case extraFields = "extra_fields"
        case numbersHeading = "numbers_heading"
        case signatureStatement = "signature_statement"
        case fieldLabels = "field_labels"
    }

    public init(id: String, title: String, paragraphs: [String], extraFields: [Field] = [],
                numbersHeading: String, signatureStatement: String, fieldLabels: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.paragraphs = paragraphs
        self.extraFields = extraFields
        self.numbersHeading = numbersHeading
        self.signatureStatement = signatureStatement
        self.fieldLabels = fieldLabels
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        paragraphs = try container.decode([String].self, forKey: .paragraphs)
        extraFields = try container.decodeIfPresent([Field].self, forKey: .extraFields) ?? []
        numbersHeading = try container.decode(String.self, forKey: .numbersHeading)
        signatureStatement = try container.decode(String.self, forKey: .signatureStatement)
        fieldLabels = try container.decodeIfPresent([String: String].self, forKey: .fieldLabels) ?? [:]
    }

    /// The names used as `{name}` in the text, in order of first use.
    var placeholders: [String] {
        var names: [String] = []
        for text in [title, numbersHeading, signatureStatement] + paragraphs {
            for name in LOATemplate.placeholders(in: text) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// Replaces every `{name}` whose value is known; validation guarantees every name is known.
    static func fill(_ text: String, with values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = String(after[..<close])
            out += values[name] ?? "{\(name)}"
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }
}
