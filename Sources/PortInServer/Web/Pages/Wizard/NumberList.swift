import Foundation

/// Reads the numbers a customer pastes or uploads, in whatever layout: one per line, separated by
/// commas, semicolons, tabs or pipes, or several on a line separated by spaces. Cells without a
/// digit (a CSV header, a label) are skipped; everything else is kept as typed, so the portability
/// check reports a malformed entry with its reason instead of it vanishing.
enum NumberList {
    /// Largest CSV accepted: 20,000 numbers with a few columns each.
    static let maxCSVBytes = 1024 * 1024

    static func parse(_ text: String) -> [String] {
        var out: [String] = []
        let cells = text.split(whereSeparator: { $0.isNewline || ",;\t|".contains($0) })
        for cell in cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard trimmed.contains(where: \.isNumber) else { continue }
            out += splitRun(trimmed)
        }
        return out
    }

    /// One cell may hold several numbers separated by spaces ("2175220142 2175220143") or one
    /// number with spaces in it ("+1 217 522 0142"): words are joined until they make a number's worth of digits.
    static func splitRun(_ cell: String) -> [String] {
        let words = cell.split(separator: " ").map(String.init)
        let digits = { (text: String) in text.filter(\.isNumber).count }
        guard digits(cell) > 15, words.count > 1 else { return [cell] }
        var out: [String] = []
        var current = ""
        for word in words {
            if word.hasPrefix("+"), !current.isEmpty {
                out.append(current)
                current = ""
            }
            current = current.isEmpty ? word : current + " " + word
            let count = digits(current)
            if count >= 11 || (count >= 10 && !current.hasPrefix("+")) {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    enum CSVError: Error, Equatable {
        case empty, tooLarge(Int), notText
    }

    /// A CSV file's text, checked by content: plain UTF-8 text without NUL bytes, at most `maxCSVBytes`.
    static func csvText(_ data: Data) -> Result<String, CSVError> {
        if data.isEmpty { return .failure(.empty) }
        if data.count > maxCSVBytes { return .failure(.tooLarge(data.count)) }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8),
              !text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0) }) else {
            return .failure(.notText)
        }
        return .success(text)
    }

    static func message(_ error: CSVError) -> String {
        switch error {
        case .empty: "The file is empty."
        case .tooLarge(let size): "A CSV file may have at most \(maxCSVBytes) bytes; this one has \(size)."
        case .notText: "This file is not a CSV: upload a text file with the numbers (one per line or comma-separated), not a spreadsheet or a document."
        }
    }
}
