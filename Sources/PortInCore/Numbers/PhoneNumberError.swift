/// A text that could not be read as a valid phone number.
public struct PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable machine-readable reason.
    public let reason: InvalidNumberReason
    /// What is wrong and what to do, for people.
    public let message: String

    /// An error for `reason` with its standard message.
    public init(_ reason: InvalidNumberReason) {
        self.reason = reason
        self.message = reason.message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
