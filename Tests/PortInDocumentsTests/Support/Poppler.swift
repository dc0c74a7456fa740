import Foundation
import Testing

/// The poppler-utils checks every generated PDF must pass.
enum Poppler {
    /// `pdftotext` of the whole document or one page, requiring a clean exit.
    static func text(_ path: String, page: Int? = nil) async throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        let result = try await Tool.run("pdftotext", arguments + [path, "-"])
        #expect(result.status == 0, "pdftotext failed: \(result.stderr)")
        #expect(result.stderr.isEmpty, "pdftotext complained: \(result.stderr)")
        return result.stdout
    }

    /// `pdfinfo` as a dictionary ("Pages" -> "3", "PDF version" -> "1.4", ...).
    static func info(_ path: String) async throws -> [String: String] {
        let result = try await Tool.run("pdfinfo", [path])
        #expect(result.status == 0, "pdfinfo failed: \(result.stderr)")
        #expect(result.stderr.isEmpty, "pdfinfo complained: \(result.stderr)")
        var info: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }

    /// Renders every page with `pdftoppm`; returns how many page images it wrote. Any message on
    /// stderr (a syntax error poppler recovered from, a bad stream) fails the test.
    static func renderedPageCount(_ path: String, in scratch: Scratch, resolution: Int = 40) async throws -> Int {
        let prefix = scratch.path("render-\(UUID().uuidString)")
        let result = try await Tool.run("pdftoppm", ["-r", String(resolution), "-png", path, prefix])
        #expect(result.status == 0, "pdftoppm failed: \(result.stderr)")
        #expect(result.stderr.isEmpty, "pdftoppm complained: \(result.stderr)")
        let name = URL(fileURLWithPath: prefix).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
            .filter { $0.hasPrefix(name) && $0.hasSuffix(".png") }.count
    }

    /// `pdfimages -list` rows: page, type ("image", "smask"), width, height, color.
    static func images(_ path: String) async throws -> [(page: Int, type: String, width: Int, height: Int, color: String)] {
        let result = try await Tool.run("pdfimages", ["-list", path])
        #expect(result.status == 0, "pdfimages failed: \(result.stderr)")
        #expect(result.stderr.isEmpty, "pdfimages complained: \(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 5, let page = Int(fields[0]), let width = Int(fields[3]), let height = Int(fields[4]) else {
                return nil
            }
            return (page, String(fields[2]), width, height, String(fields[5]))
        }
    }
}
