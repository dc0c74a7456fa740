import Crypto
import Foundation

/// Document bytes on disk under their SHA-256 (`<root>/ab/abcdef…`): identical uploads share one
/// file, and a file's name proves its content. Written to a temporary name and renamed, so a crash
/// never leaves a half-written document under a real hash.
struct DocumentFileStore: Sendable {
    let root: URL

    init(root: URL) {
        self.root = root
    }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    func url(for sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// Stores `data` and returns its SHA-256 (lower-case hex).
    func put(_ data: Data) throws -> String {
        let hash = Self.sha256Hex(data)
        let target = url(for: hash)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return hash }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(hash).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.removeItem(at: temporary)
            // Another upload of the same bytes won the rename: the content is there either way.
            if !manager.fileExists(atPath: target.path) { throw error }
        }
        return hash
    }

    func get(_ sha256: String) throws -> Data {
        try Data(contentsOf: url(for: sha256))
    }
}
