/// Recognises the document formats carriers accept by their first bytes, never by file name
/// or declared type, so a renamed executable is refused whatever it claims to be.
enum ContentSniffer {
    static let accepted = ["application/pdf", "image/png", "image/jpeg", "image/tiff"]

    /// The content type of `bytes`, or nil when it is none of PDF, PNG, JPEG, TIFF.
    static func contentType(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        return nil
    }
}
