import Foundation

/// Small files with the real leading bytes of each format (what content sniffing looks at), padded
/// with a recognisable body so that two samples never share bytes by accident.
enum SampleFiles {
    static func pdf(_ tag: String = "letter", size: Int? = nil) -> Data {
        padded(Data("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n% \(tag)\n".utf8), size: size, trailer: "\n%%EOF\n")
    }

    static func png(_ tag: String = "image") -> Data {
        padded(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]) + Data("IHDR \(tag)".utf8), size: nil)
    }

    static func jpeg(_ tag: String = "photo") -> Data {
        padded(Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF\0 \(tag)".utf8), size: nil, trailer: "\u{FF}\u{D9}")
    }

    /// Little-endian (`II*\0`) or big-endian (`MM\0*`) TIFF.
    static func tiff(_ tag: String = "scan", bigEndian: Bool = false) -> Data {
        let magic: [UInt8] = bigEndian ? [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08] : [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
        return padded(Data(magic) + Data(tag.utf8), size: nil)
    }

    /// A Linux executable's header.
    static let elf = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]) + Data(repeating: 0, count: 56) + Data("payload".utf8)
    /// A Windows executable's header.
    static let windowsExecutable = Data("MZ".utf8) + Data([0x90, 0x00, 0x03, 0x00]) + Data("This program cannot be run in DOS mode.".utf8)
    static let plainText = Data("Invoice 2027-02-15\nTotal: 42.00 USD\n".utf8)

    private static func padded(_ head: Data, size: Int?, trailer: String = "") -> Data {
        var data = head
        let tail = Data(trailer.utf8)
        if let size {
            precondition(size >= head.count + tail.count, "sample too small")
            data += Data(repeating: UInt8(ascii: "x"), count: size - head.count - tail.count)
        } else {
            data += Data((0..<64).map { UInt8($0) })
        }
        return data + tail
    }
}
