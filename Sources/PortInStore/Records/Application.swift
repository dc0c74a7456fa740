import Foundation

/// Where calls and messages to a number go once it is ported.
public struct Application: Sendable, Hashable {
    public var id: String
    public var accountId: String
    public var name: String
    public var voiceURL: String?
    public var smsURL: String?
    public var createdAt: Date
}
