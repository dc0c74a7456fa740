import Foundation
import Logging
import PortInCore
import PortInStore

/// Where notification emails go: an SMTP server, or `.eml` files in the data directory (the
/// embedded default, so a demo shows its emails without any mail server).
struct EmailSettings: Sendable, Hashable {
    var smtp: SMTPSettings?
    var from: String

    /// The SMTP transport, or the file transport into `<dataDirectory>/mail`. Throws when the
    /// SMTP TLS setup cannot be built (an unreadable CA file).
    func makeTransport(dataDirectory: URL, logger: Logger) throws -> any EmailTransport {
        guard let smtp else { return FileEmailTransport(dataDirectory: dataDirectory) }
        return try SMTPTransport(settings: smtp, logger: logger)
    }

    /// The email outbox worker over `store` (the runtime runs `deliverDue()` periodically, e.g. with `start()`).
    func makeDelivery(store: Store, clock: any PortInClock, dataDirectory: URL, logger: Logger) throws -> EmailOutboxDelivery {
        EmailOutboxDelivery(store: store, transport: try makeTransport(dataDirectory: dataDirectory, logger: logger), clock: clock,
                            from: from, logger: logger)
    }
}

extension ServerConfiguration {
    var email: EmailSettings { EmailSettings(smtp: smtp, from: mailFrom) }
}
