/// Who caused a status change; the associated string identifies the user, ops agent or carrier (SPID or stable id).
public enum PortActor: Sendable, Hashable {
    case customer(String)
    case ops(String)
    case carrier(String)
    /// Our own timers and jobs (expiry, activation, no-response escalation).
    case system

    /// The kind of actor, without its identity: what transition permissions are granted to.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case customer, ops, carrier, system
    }

    /// This actor's kind.
    public var kind: Kind {
        switch self {
        case .customer: .customer
        case .ops: .ops
        case .carrier: .carrier
        case .system: .system
        }
    }

    /// The actor's identity; nil for `.system`.
    public var id: String? {
        switch self {
        case .customer(let id), .ops(let id), .carrier(let id): id
        case .system: nil
        }
    }
}

// Encoded as `{"kind": "carrier", "id": "..."}` rather than the synthesized `{"carrier": {"_0": ...}}`,
// because events are stored and exposed and that shape must stay readable and stable.
extension PortActor: Codable {
    private enum CodingKeys: String, CodingKey { case kind, id }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        if kind == .system {
            self = .system
            return
        }
        let id = try container.decode(String.self, forKey: .id)
        switch kind {
        case .customer: self = .customer(id)
        case .ops: self = .ops(id)
        case .carrier: self = .carrier(id)
        case .system: self = .system
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(id, forKey: .id)
    }
}
