import FluentKit
import Foundation
import PortInCore
import SQLKit

struct DocumentRow: Codable, Sendable {
    var id: String
    var requestId: String
    var accountId: String
    var kind: String
    var contentType: String
    var size: Int
    var sha256: String
    var fileName: String?
    var invoiceDate: String?
    var signedBy: String?
    var signedOn: String?
    var createdAt: Date

    init(_ document: Document) {
        id = document.id
        requestId = document.requestId
        accountId = document.accountId
        kind = document.kind.rawValue
        contentType = document.contentType
        size = document.size
        sha256 = document.sha256
        fileName = document.fileName
        invoiceDate = document.invoiceDate?.description
        signedBy = document.signedBy
        signedOn = document.signedOn?.description
        createdAt = document.createdAt.storeRounded
    }

    var record: Document {
        Document(id: id, requestId: requestId, accountId: accountId, kind: DocumentKind(rawValue: kind) ?? .other,
                 contentType: contentType, size: size, sha256: sha256, fileName: fileName,
                 invoiceDate: invoiceDate.flatMap(CivilDate.init), signedBy: signedBy, signedOn: signedOn.flatMap(CivilDate.init),
                 createdAt: createdAt)
    }
}

struct SQLDocumentRepository: DocumentRepository {
    let context: SQLStoreContext

    func add(_ document: Document) async throws {
        context.wrote()
        defer { context.wrote() }
        try await context.sql.insert(into: "documents").model(DocumentRow(document), with: rowEncoder).run()
    }

    func find(id: String, requestId: String, accountId: String) async throws -> Document? {
        try await context.sql.select().column("*").from("documents").where("id", .equal, id).where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId).first(decoding: DocumentRow.self, with: rowDecoder)?.record
    }

    func list(requestId: String, accountId: String) async throws -> [Document] {
        try await context.sql.select().column("*").from("documents").where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId).orderBy("created_at").orderBy("id")
            .all(decoding: DocumentRow.self, with: rowDecoder).map(\.record)
    }
}

struct CommentRow: Codable, Sendable {
    var id: String
    var requestId: String
    var accountId: String
    var author: String
    var authorId: String?
    var visibility: String
    var body: String
    var createdAt: Date

    var record: Comment {
        Comment(id: id, requestId: requestId, accountId: accountId, author: CommentAuthor(rawValue: author) ?? .customer,
                authorId: authorId, visibility: CommentVisibility(rawValue: visibility) ?? .internal, body: body, createdAt: createdAt)
    }
}

struct SQLCommentRepository: CommentRepository {
    let context: SQLStoreContext

    func add(requestId: String, accountId: String, author: CommentAuthor, authorId: String?, visibility: CommentVisibility,
             body: String, now: Date) async throws -> Comment {
        let row = CommentRow(id: StoreID.make("cm", at: now), requestId: requestId, accountId: accountId, author: author.rawValue,
                             authorId: authorId, visibility: visibility.rawValue, body: body, createdAt: now.storeRounded)
        try await context.sql.insert(into: "comments").model(row, with: rowEncoder).run()
        return row.record
    }

    func list(requestId: String, accountId: String, includeInternal: Bool) async throws -> [Comment] {
        let query = context.sql.select().column("*").from("comments").where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId)
        if !includeInternal { query.where("visibility", .equal, CommentVisibility.customer.rawValue) }
        return try await query.orderBy("created_at").orderBy("id").all(decoding: CommentRow.self, with: rowDecoder).map(\.record)
    }
}

struct EventRow: Codable, Sendable {
    var id: String
    var requestId: String
    var accountId: String
    var type: String
    var fromStatus: String?
    var toStatus: String?
    var actorKind: String
    var actorId: String?
    var reason: String?
    var payload: String?
    var at: Date

    var record: Event {
        let kind = PortActor.Kind(rawValue: actorKind) ?? .system
        let actor: PortActor = switch kind {
        case .customer: .customer(actorId ?? "")
        case .ops: .ops(actorId ?? "")
        case .carrier: .carrier(actorId ?? "")
        case .system: .system
        }
        return Event(id: id, requestId: requestId, accountId: accountId, type: type, from: fromStatus.flatMap(PortStatus.init(rawValue:)),
                     to: toStatus.flatMap(PortStatus.init(rawValue:)), actor: actor, reason: reason,
                     payload: payload.map { Data($0.utf8) }, at: at)
    }
}

struct SQLEventRepository: EventRepository {
    let context: SQLStoreContext

    func append(_ event: NewEvent) async throws -> Event {
        let row = EventRow(id: StoreID.make("ev", at: event.at), requestId: event.requestId, accountId: event.accountId,
                           type: event.type, fromStatus: event.from?.rawValue, toStatus: event.to?.rawValue,
                           actorKind: event.actor.kind.rawValue, actorId: event.actor.id, reason: event.reason,
                           payload: event.payload.map { String(decoding: $0, as: UTF8.self) }, at: event.at.storeRounded)
        if let writeBehind = context.writeBehind {
            writeBehind.add(row, into: "events")
        } else {
            try await context.sql.insert(into: "events").model(row, with: rowEncoder).run()
        }
        return row.record
    }

    func list(requestId: String, accountId: String) async throws -> [Event] {
        try await context.sql.select().column("*").from("events").where("request_id", .equal, requestId)
            .where("account_id", .equal, accountId).orderBy("at").orderBy("id")
            .all(decoding: EventRow.self, with: rowDecoder).map(\.record)
    }
}
