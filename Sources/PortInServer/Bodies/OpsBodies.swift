import Foundation
import PortInCore
import PortInStore

/// A comment as the porting team sees it: who wrote it and who may read it.
struct OpsCommentBody: Encodable {
    var id: String
    var author: CommentAuthor
    var authorId: String?
    var visibility: CommentVisibility
    var body: String
    var createdAt: Date

    init(_ comment: Comment) {
        id = comment.id
        author = comment.author
        authorId = comment.authorId
        visibility = comment.visibility
        body = comment.body
        createdAt = comment.createdAt
    }
}

/// A timeline event as the porting team sees it: the actor's identity too.
struct OpsEventBody: Encodable {
    var id: String
    var type: String
    var from: PortStatus?
    var to: PortStatus?
    var actor: String
    var actorId: String?
    var reason: String?
    var at: Date

    init(_ event: Event) {
        id = event.id
        type = event.type
        from = event.from
        to = event.to
        actor = event.actor.kind.rawValue
        actorId = event.actor.id
        reason = event.reason
        at = event.at
    }
}

/// A durable job (the dead-letter list). Lifecycle payloads name only a request and a version.
struct JobBody: Encodable {
    var id: String
    var kind: String
    var status: JobStatus
    var attempts: Int
    var maxAttempts: Int
    var runAt: Date
    var lastError: String?
    var requestId: String?
    var version: Int?
    var createdAt: Date
    var updatedAt: Date

    init(_ job: Job) {
        id = job.id
        kind = job.kind
        status = job.status
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        runAt = job.runAt
        lastError = job.lastError
        let payload = try? JSONDecoder().decode(LifecycleJobPayload.self, from: job.payload)
        requestId = payload?.requestId
        version = payload?.version
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }
}

/// An alert raised for the porting team (an `ops_alert` timeline event).
struct OpsAlertBody: Encodable {
    var id: String
    /// What the alert is about, e.g. `no_carrier_answer`.
    var type: String
    var requestId: String
    var accountId: String
    var pon: String?
    var version: Int?
    /// The request's status when the alert was raised.
    var status: PortStatus?
    var message: String?
    var at: Date

    init(_ event: Event) {
        let payload = event.payload.flatMap { try? JSONDecoder().decode(OpsAlertPayload.self, from: $0) }
        id = event.id
        type = payload?.alert ?? "unknown"
        requestId = event.requestId
        accountId = event.accountId
        pon = payload?.pon
        version = payload?.version
        status = payload?.status
        message = event.reason
        at = event.at
    }
}
