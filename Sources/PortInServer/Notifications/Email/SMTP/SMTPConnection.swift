import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP session over SwiftNIO: each step sends a command and waits (with the timeout) for its
/// reply. Errors name the server and the step; the AUTH commands are never part of one.
struct SMTPConnection {
    let channel: any Channel
    let settings: SMTPSettings

    /// Connects (with TLS from the start for `.tls`).
    static func open(_ settings: SMTPSettings, tls: NIOSSLContext?, group: any EventLoopGroup) async throws -> SMTPConnection {
        let implicitTLS = settings.security == .tls ? tls : nil
        let host = settings.host
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(settings.timeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try SMTPConnection.tlsHandler(implicitTLS, host: host))
                    }
                    try channel.pipeline.syncOperations.addHandlers([ByteToMessageHandler(SMTPReplyDecoder()), SMTPClientHandler()])
                }
            }
        do {
            let channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
            return SMTPConnection(channel: channel, settings: settings)
        } catch {
            throw SMTPError(server: settings.server, stage: "connect", detail: "\(error)")
        }
    }

    /// The client side of TLS; the certificate is checked against `host` (or, for an IP
    /// address, against the address connected to: SNI carries names only).
    static func tlsHandler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    /// Sends `line` (CRLF added; nil sends nothing and waits for the greeting) and returns the
    /// reply, failing unless its code is one of `expect`. `shown` is how errors name the step.
    @discardableResult
    func command(_ line: String?, shown: String, expect: Set<Int>) async throws -> SMTPReply {
        let reply = try await exchange(line.map { ByteBuffer(string: $0 + "\r\n") }, stage: shown)
        guard expect.contains(reply.code) else {
            throw SMTPError(server: settings.server, stage: shown, detail: "the server answered \(reply)", reply: reply)
        }
        return reply
    }

    /// Sends `bytes` and waits for one reply (a timeout closes the connection).
    func exchange(_ bytes: ByteBuffer?, stage: String) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let server = settings.server
        let seconds = settings.timeout
        let channel = self.channel
        let timeout = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            promise.fail(SMTPError(server: server, stage: stage, detail: "no answer within \(Int(seconds)) seconds"))
            channel.close(promise: nil)
        }
        defer { timeout.cancel() }
        // A write the channel refuses (the server has closed it) fails the step at once, not at the timeout.
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            promise.fail(error is ChannelError ? SMTPProtocolViolation("the server closed the connection") : error)
        }
        channel.writeAndFlush(SMTPCommand(bytes: bytes, reply: promise), promise: written)
        do {
            return try await promise.futureResult.get()
        } catch let error as SMTPError {
            throw error
        } catch let error as NIOSSLError {
            throw SMTPError(server: server, stage: "TLS", detail: "\(error)")
        } catch let error as BoringSSLError {
            throw SMTPError(server: server, stage: "TLS", detail: "\(error)")
        } catch let error as NIOSSLExtraError {
            throw SMTPError(server: server, stage: "TLS", detail: "\(error)")
        } catch {
            throw SMTPError(server: server, stage: stage, detail: "\(error)")
        }
    }

    /// Upgrades the connection after a `220` to STARTTLS: the TLS handler goes first in the pipeline.
    func startTLS(_ context: NIOSSLContext) async throws {
        let host = settings.host
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try SMTPConnection.tlsHandler(context, host: host), position: .first)
            }.get()
        } catch {
            throw SMTPError(server: settings.server, stage: "TLS", detail: "\(error)")
        }
    }

    func close() async {
        try? await channel.close().get()
    }
}
