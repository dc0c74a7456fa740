import Foundation
import PortInCore
import PortInStore

struct DocumentBody: Encodable {
    var id: String
    var kind: DocumentKind
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
        kind = document.kind
        contentType = document.contentType
        size = document.size
        sha256 = document.sha256
        fileName = document.fileName
        invoiceDate = document.invoiceDate?.description
        signedBy = document.signedBy
        signedOn = document.signedOn?.description
        createdAt = document.createdAt
    }
}

struct CommentBody: Encodable {
    var id: String
    var author: CommentAuthor
    var body: String
    var createdAt: Date

    init(_ comment: Comment) {
        id = comment.id
        author = comment.author
        body = comment.body
        createdAt = comment.createdAt
    }
}

struct EventBody: Encodable {
    var id: String
    var type: String
    var from: PortStatus?
    var to: PortStatus?
    var actor: String
    var reason: String?
    var at: Date

    init(_ event: Event) {
        id = event.id
        type = event.type
        from = event.from
        to = event.to
        actor = event.actor.kind.rawValue
        reason = event.reason
        at = event.at
    }
}

struct AccountNumberBody: Encodable {
    var number: String
    var status: AccountNumberStatus
    var portRequestId: String?
    var applicationId: String?
    var focDate: String?

    init(_ number: AccountNumber) {
        self.number = number.e164
        status = number.status
        portRequestId = number.portRequestId
        applicationId = number.applicationId
        focDate = number.focDate?.description
    }
}

struct ApplicationBody: Encodable {
    var id: String
    var name: String
    var voiceUrl: String?
    var smsUrl: String?
    var createdAt: Date

    init(_ application: Application) {
        id = application.id
        name = application.name
        voiceUrl = application.voiceURL
        smsUrl = application.smsURL
        createdAt = application.createdAt
    }
}
