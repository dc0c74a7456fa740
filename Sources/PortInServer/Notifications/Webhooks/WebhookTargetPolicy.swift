import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which URLs PortIn posts webhooks to: absolute http or https URLs without credentials in them;
/// and, unless private targets are allowed (`PORTIN_WEBHOOKS_ALLOW_PRIVATE`), none whose host is or
/// resolves to a loopback, private, link-local or otherwise non-public address, so that a customer
/// cannot make PortIn call into its own network. Names are resolved again before every attempt
/// (a name may point elsewhere later); what remains is the short window between that lookup and
/// the HTTP client's own.
struct WebhookTargetPolicy: Sendable {
    var allowPrivate: Bool

    /// Problems with `text` as an endpoint URL (no DNS lookup), each for field `field`.
    func problems(url text: String, field: String = "url") -> [FieldError] {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = Self.host(of: url), !host.isEmpty
        else { return [FieldError(field: field, code: "invalid_url", message: "Use an absolute http or https URL.")] }
        var problems: [FieldError] = []
        if url.user != nil || url.password != nil {
            problems.append(FieldError(field: field, code: "credentials_not_allowed",
                                       message: "Leave user name and password out of the URL; verify requests by their signature."))
        }
        if url.fragment != nil {
            problems.append(FieldError(field: field, code: "fragment_not_allowed", message: "A URL fragment (#...) is never sent; leave it out."))
        }
        if !allowPrivate && Self.namesPrivateTarget(host) {
            problems.append(FieldError(field: field, code: "private_address_not_allowed",
                                       message: "The host is a loopback, private or reserved address; use a public one."))
        }
        return problems
    }

    /// Why PortIn must not post to `url` now, after resolving its host; nil when it may.
    func refusal(for url: URL) async -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = Self.host(of: url), !host.isEmpty
        else { return "refused: not an http or https URL" }
        guard !allowPrivate else { return nil }
        if Self.namesPrivateTarget(host) { return "refused: the host is a non-public address" }
        let addresses: [IPAddress]
        do {
            addresses = try await NIOThreadPool.singleton.runIfActive { Self.resolve(host) }
        } catch {
            return "could not resolve the host: \(error)"
        }
        if addresses.isEmpty { return "could not resolve the host" }
        if addresses.contains(where: { !$0.isPublic }) { return "refused: the host resolves to a non-public address" }
        return nil
    }

    /// The URL's host without IPv6 brackets, lower-cased.
    static func host(of url: URL) -> String? {
        guard var host = url.host?.lowercased() else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    /// True for `localhost` names and for literal addresses (in any form the resolver accepts,
    /// such as `2130706433` or `0x7f.1`) that are not public.
    static func namesPrivateTarget(_ host: String) -> Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if let address = IPAddress(literal: name) { return !address.isPublic }
        return false
    }

    /// Every address `host` resolves to (blocking: run it off the cooperative pool).
    static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var out: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin_addr
                        out.append(.v4(withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin6_addr
                        out.append(.v6(withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                default: break
                }
            }
            cursor = entry.pointee.ai_next
        }
        return out
    }
}

/// An IPv4 or IPv6 address as bytes (network order), classified public or not.
enum IPAddress: Sendable, Hashable {
    case v4([UInt8])
    case v6([UInt8])

    /// A literal address; IPv4 in every form `inet_aton` accepts (as resolvers do).
    init?(literal text: String) {
        var v4 = in_addr()
        if inet_aton(text, &v4) != 0 {
            self = .v4(withUnsafeBytes(of: &v4) { Array($0) })
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    /// Reachable on the public internet: not loopback, private (RFC 1918, unique local), shared
    /// (CGNAT), link-local (cloud metadata lives there), multicast, documentation or reserved.
    var isPublic: Bool {
        switch self {
        case .v4(let b):
            guard b.count == 4 else { return false }
            switch (b[0], b[1], b[2]) {
            case (0, _, _), (10, _, _), (127, _, _): return false
            case (100, 64...127, _): return false
            case (169, 254, _): return false
            case (172, 16...31, _): return false
            case (192, 0, 0), (192, 0, 2), (192, 88, 99), (192, 168, _): return false
            case (198, 18...19, _), (198, 51, 100), (203, 0, 113): return false
            default: return b[0] < 224
            }
        case .v6(let b):
            guard b.count == 16 else { return false }
            let zeroPrefix = b[0..<10].allSatisfy { $0 == 0 }
            // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 address.
            if zeroPrefix && b[10] == 0xFF && b[11] == 0xFF { return IPAddress.v4(Array(b[12..<16])).isPublic }
            if Array(b[0..<12]) == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return IPAddress.v4(Array(b[12..<16])).isPublic }
            // Unspecified, loopback and IPv4-compatible (::a.b.c.d, deprecated).
            if zeroPrefix && b[10] == 0 && b[11] == 0 { return false }
            if b[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
            if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
            if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return false }  // fec0::/10 site-local (deprecated)
            if b[0] == 0xFF { return false }  // multicast
            if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }  // 2001:db8::/32 documentation
            if b[0] == 0x01 && b[1] == 0x00 && b[2..<8].allSatisfy({ $0 == 0 }) { return false }  // 100::/64 discard
            return true
        }
    }
}
