import Foundation
import PortInCore
import PortInStore
import Vapor

/// The porting team's view of background work: jobs by status (dead letters first of all), their
/// retry, and the alerts the watchdogs raised.
struct OpsJobRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let ops = routes.grouped("v1", "ops")
        ops.get("jobs", use: listJobs)
        ops.post("jobs", ":job_id", "retry", use: retry)
        ops.get("alerts", use: listAlerts)
    }

    /// `?status=` (default `dead`) and `limit`; oldest due first.
    func listJobs(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        var errors: [FieldError] = []
        var status = JobStatus.dead
        if let text = request.query[String.self, at: "status"], !text.isEmpty {
            if let value = JobStatus(rawValue: text) { status = value } else {
                errors.append(FieldError(field: "status", code: "invalid_value",
                                         message: "Use one of: " + JobStatus.allCases.map(\.rawValue).joined(separator: ", ") + "."))
            }
        }
        var limit = 50
        if let text = request.query[String.self, at: "limit"] {
            if let value = Int(text), (1...200).contains(value) { limit = value } else {
                errors.append(FieldError(field: "limit", code: "out_of_range", message: "Use a whole number from 1 to 200."))
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        let jobs = try await context.store.jobs.list(status: status, limit: limit)
        return try APIJSON.response(DataBody(data: jobs.map(JobBody.init)))
    }

    /// Requeues a dead job now with a fresh attempt budget.
    func retry(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let retried = try await Self.retryDead(id: try request.pathParameter("job_id"), store: context.store, now: context.clock.now())
        return try APIJSON.response(JobBody(retried))
    }

    /// The retry of the API and the console: 404 for an unknown job, 409 for one that is not dead.
    static func retryDead(id: String, store: Store, now: Date) async throws -> Job {
        guard let job = try await store.jobs.find(id: id) else {
            throw Problem(.notFound, code: "not_found", title: "Not found", detail: "No job with this id.")
        }
        guard try await store.jobs.retryDead(id: id, now: now) else {
            throw Problem(.conflict, code: "job_not_dead", title: "Only dead jobs can be retried",
                          detail: "This job is \(job.status.rawValue); it runs (or ran) by itself.")
        }
        guard let retried = try await store.jobs.find(id: id) else {
            throw Problem(.notFound, code: "not_found", title: "Not found", detail: "No job with this id.")
        }
        return retried
    }

    /// The watchdogs' alerts across accounts, newest first.
    func listAlerts(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let page = try await context.store.events.opsList(type: Watchdogs.alertEventType, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map(OpsAlertBody.init), nextCursor: page.nextCursor))
    }
}
