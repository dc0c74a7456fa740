import Foundation

/// Sends rendered emails: SMTP, or `.eml` files in the data directory (the embedded default).
protocol EmailTransport: Sendable {
    /// Sends `message` to every recipient in `message.to`. Recipients the server refused for good
    /// (5xx) while others were accepted are returned; any other failure throws an error whose
    /// description says what failed, and never contains a credential.
    func send(_ message: EmailMessage) async throws -> EmailSendResult
}

struct EmailSendResult: Sendable, Hashable {
    /// Recipient -> the server's reply, for those refused permanently.
    var refused: [String: String] = [:]
}

/// Writes each email as `<directory>/<message id>.eml`. Atomic (temporary file, then rename):
/// a reader never sees half a message, and a retried send replaces the file with the same bytes.
struct FileEmailTransport: EmailTransport {
    let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// `<data directory>/mail`.
    init(dataDirectory: URL) {
        self.init(directory: dataDirectory.appendingPathComponent("mail", isDirectory: true))
    }

    func send(_ message: EmailMessage) async throws -> EmailSendResult {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try MIMEMessage(message).data.write(to: file(for: message), options: .atomic)
        return EmailSendResult()
    }

    /// The file of `message`: its Message-ID with anything but `[A-Za-z0-9._@-]` replaced.
    func file(for message: EmailMessage) -> URL {
        let safe = String(message.messageId.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._@-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        return directory.appendingPathComponent(safe + ".eml")
    }
}
