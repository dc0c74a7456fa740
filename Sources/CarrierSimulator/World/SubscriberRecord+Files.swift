import Foundation
import PortInCore

/// Why a subscriber file could not be read.
public struct SubscriberFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line (CSV) or 0 when the whole file is at fault.
    public let line: Int
    public let message: String
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

extension SubscriberRecord {
    /// The CSV header `records(csv:)` reads; numbers and number lists are separated by `;` or spaces.
    public static let csvColumns = [
        "carrier", "account_number", "pin", "btn", "subscriber_type", "business_name", "first_name", "last_name",
        "authorized_name", "house_number", "street", "unit", "city", "state", "postal_code", "country", "numbers",
        "pending_order", "pending_port_numbers", "disconnected_numbers", "unsupported_rate_center",
        "complex_features", "rate_center",
    ]

    /// Records from a file: JSON (one record or an array) when the text starts with `{` or `[`, CSV otherwise.
    public static func records(fileContents text: String) throws(SubscriberFileError) -> [SubscriberRecord] {
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard trimmed.first == "[" || trimmed.first == "{" else { return try records(csv: text) }
        let data = Data(trimmed.utf8)
        do {
            if trimmed.first == "[" { return try JSONDecoder().decode([SubscriberRecord].self, from: data) }
            return [try JSONDecoder().decode(SubscriberRecord.self, from: data)]
        } catch {
            throw SubscriberFileError(line: 0, message: "invalid subscriber JSON: \(error)")
        }
    }

    /// Records from CSV with a header row naming columns of `csvColumns` (any order; unknown columns ignored).
    /// Fields may be double-quoted ("" inside quotes is a quote). Required: carrier, account_number,
    /// authorized_name, house_number, street, city, state, postal_code, numbers.
    public static func records(csv text: String) throws(SubscriberFileError) -> [SubscriberRecord] {
        let rows = CSVReader.rows(text)
        guard let header = rows.first?.fields else { return [] }
        let index = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) },
                               uniquingKeysWith: { first, _ in first })
        for required in ["carrier", "account_number", "authorized_name", "house_number", "street", "city", "state",
                         "postal_code", "numbers"] where index[required] == nil {
            throw SubscriberFileError(line: 1, message: "missing column \(required)")
        }
        var records: [SubscriberRecord] = []
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.isEmpty }) {
            func value(_ column: String) -> String? {
                guard let i = index[column], i < row.fields.count else { return nil }
                let v = row.fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func list(_ column: String) -> [String] {
                (value(column) ?? "").split(whereSeparator: { $0 == ";" || $0 == " " }).map(String.init)
            }
            func flag(_ column: String) -> Bool {
                ["1", "true", "yes", "y"].contains((value(column) ?? "").lowercased())
            }
            func required(_ column: String) throws(SubscriberFileError) -> String {
                guard let v = value(column) else { throw SubscriberFileError(line: row.line, message: "\(column) is empty") }
                return v
            }
            let typeText = value("subscriber_type") ?? "business"
            guard let type = SubscriberType(rawValue: typeText.lowercased()) else {
                throw SubscriberFileError(line: row.line, message: "subscriber_type must be business or residential")
            }
            let address = ServiceAddress(
                houseNumber: try required("house_number"), street: try required("street"), unit: value("unit"),
                city: try required("city"), state: try required("state"), postalCode: try required("postal_code"),
                country: value("country") ?? "US")
            let numbers = list("numbers")
            guard !numbers.isEmpty else { throw SubscriberFileError(line: row.line, message: "numbers is empty") }
            records.append(SubscriberRecord(
                carrier: try required("carrier"), accountNumber: try required("account_number"), pin: value("pin"),
                btn: value("btn"), subscriberType: type, businessName: value("business_name"),
                firstName: value("first_name"), lastName: value("last_name"),
                authorizedName: try required("authorized_name"), serviceAddress: address, numbers: numbers,
                pendingOrder: flag("pending_order"), pendingPortNumbers: list("pending_port_numbers"),
                disconnectedNumbers: list("disconnected_numbers"), unsupportedRateCenter: flag("unsupported_rate_center"),
                complexFeatures: flag("complex_features"), rateCenter: value("rate_center")))
        }
        return records
    }
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends.
enum CSVReader {
    struct Row {
        /// 1-based line where the row starts.
        let line: Int
        let fields: [String]
    }

    static func rows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, rowLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let after = next() {
                        if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
                    } else { inQuotes = false }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                fields.append(field); field = ""
                rows.append(Row(line: rowLine, fields: fields)); fields = []
                line += 1; rowLine = line
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
