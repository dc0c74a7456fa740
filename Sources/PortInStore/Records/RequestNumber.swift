import PortInCore

/// Where one number of a request stands.
public enum RequestNumberStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case porting
    case active
    case rejected
    case cancelled
}

/// One number of a port request.
public struct RequestNumber: Sendable, Hashable {
    public var requestId: String
    public var e164: String
    public var status: RequestNumberStatus
    public var focDate: CivilDate?
}
