import FluentKit
import Foundation
import SQLKit

struct SignedLOARow: Codable, Sendable {
    var requestId: String
    var accountId: String
    var documentId: String
    var signedSha256: String
    var unsignedSha256: String
    var signerName: String
    var signerEmail: String
    var via: String
    var signedAt: Date

    init(_ record: SignedLOARecord) {
        requestId = record.requestId
        accountId = record.accountId
        documentId = record.documentId
        signedSha256 = record.signedSHA256
        unsignedSha256 = record.unsignedSHA256
        signerName = record.signerName
        signerEmail = record.signerEmail
        via = record.via
        signedAt = record.signedAt.storeRounded
    }

    var record: SignedLOARecord {
        SignedLOARecord(requestId: requestId, accountId: accountId, documentId: documentId, signedSHA256: signedSha256,
                        unsignedSHA256: unsignedSha256, signerName: signerName, signerEmail: signerEmail, via: via, signedAt: signedAt)
    }
}

struct SigningLinkRow: Codable, Sendable {
    var id: String
    var tokenHash: Data
    var requestId: String
    var accountId: String
    var email: String
    var createdAt: Date
    var expiresAt: Date
    var usedAt: Date?

    init(_ link: LOASigningLink) {
        id = link.id
        tokenHash = link.tokenHash
        requestId = link.requestId
        accountId = link.accountId
        email = link.email
        createdAt = link.createdAt.storeRounded
        expiresAt = link.expiresAt.storeRounded
        usedAt = link.usedAt?.storeRounded
    }

    var record: LOASigningLink {
        LOASigningLink(id: id, tokenHash: tokenHash, requestId: requestId, accountId: accountId, email: email, createdAt: createdAt,
                       expiresAt: expiresAt, usedAt: usedAt)
    }
}

struct SQLLOASigningRepository: LOASigningRepository {
    let context: SQLStoreContext

    func recordSigned(_ record: SignedLOARecord) async throws {
        do {
            try await context.sql.insert(into: "signed_loas").model(SignedLOARow(record), with: rowEncoder).run()
        } catch let error where isConstraintViolation(error) {
            throw StoreError.conflict("the request's LOA is already signed")
        }
    }

    func signed(requestId: String, accountId: String) async throws -> SignedLOARecord? {
        try await context.sql.select().column("*").from("signed_loas").where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId).first(decoding: SignedLOARow.self, with: rowDecoder)?.record
    }

    func createLink(_ link: LOASigningLink) async throws {
        try await context.sql.insert(into: "loa_signing_links").model(SigningLinkRow(link), with: rowEncoder).run()
    }

    func findLink(tokenHash: Data) async throws -> LOASigningLink? {
        try await context.sql.select().column("*").from("loa_signing_links").where("token_hash", .equal, tokenHash)
            .first(decoding: SigningLinkRow.self, with: rowDecoder)?.record
    }

    func useLink(id: String, now: Date) async throws -> Bool {
        // The `used_at IS NULL` condition makes the update the single-use check: of two racing
        // signers only one changes the row.
        let used = try await context.sql.update("loa_signing_links").set("used_at", to: now.storeRounded).where("id", .equal, id)
            .where("used_at", .is, SQLLiteral.null).returning("id").all()
        return !used.isEmpty
    }

    func links(requestId: String, accountId: String) async throws -> [LOASigningLink] {
        try await context.sql.select().column("*").from("loa_signing_links").where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId).orderBy("created_at", .descending)
            .all(decoding: SigningLinkRow.self, with: rowDecoder).map(\.record)
    }
}
