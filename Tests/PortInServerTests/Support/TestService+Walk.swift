import Foundation
import PortInCore

/// What a request went through while the clock was walked forward.
struct Walk {
    /// Statuses in the order seen, each once per stay.
    var statuses: [String] = []
    /// When each status was first seen (clock time).
    var firstSeen: [String: Date] = [:]
    /// When the account's inventory first held every number of the request as `porting`.
    var portingSince: Date?
    /// The request as last read.
    var last: [String: Any] = [:]

    var status: String? { statuses.last }
}

/// Walking the lifecycle on the manual clock: each step moves the clock to the next moment
/// something is due (a lifecycle job, or an action of the carrier), runs the due jobs, lets the
/// carrier act (and, over HTTP, call back), runs the jobs that fell due, and reads the request and
/// the inventory through the API. Nothing changes between those moments, so every change is seen
/// at the exact time it happens.
extension TestService {
    /// Walks until `done` holds (at most `steps` steps), never past `deadline` when one is given.
    /// `seen` starts the walk's status list (e.g. with `submitted` from the submit answer). Fails
    /// when `done` never holds.
    @discardableResult
    func walk(_ auth: Credentials, id: String, seen: [String] = [], deadline: Date? = nil, steps: Int = 200,
              until done: (Walk) -> Bool) async throws -> Walk {
        var walk = Walk()
        for status in seen { walk.note(status, at: clock.now()) }
        for step in 0..<steps {
            if step > 0 {
                let next = [try await nextWake(), deadline].compactMap { $0 }.min()
                guard let next else {
                    throw HarnessError("nothing left to happen; request \(id) is \(walk.status ?? "?"), walked \(walk.statuses)")
                }
                // Something may fall due at once (the carrier acting on a request made in the last step).
                if next > clock.now() { clock.set(next) }
            }
            try await runner.runDue()
            await network.tick()
            try await runner.runDue()
            let request = try await read(auth, id)
            let status = request.status ?? "?"
            walk.last = request
            walk.note(status, at: clock.now())
            if walk.portingSince == nil {
                let numbers = Set(request.requestNumbers)
                let porting = try await send(.GET, "/v1/numbers?status=porting", auth: auth).items
                    .filter { ($0["port_request_id"] as? String) == id }.compactMap { $0["number"] as? String }
                if !numbers.isEmpty, Set(porting) == numbers { walk.portingSince = clock.now() }
            }
            if done(walk) { return walk }
        }
        throw HarnessError("request \(id) still \(walk.status ?? "?") after \(steps) steps; walked \(walk.statuses)")
    }

    /// When something next falls due: the first queued lifecycle job or the carrier's next action.
    func nextWake() async throws -> Date? {
        let job = try await store.jobs.list(status: .queued, limit: 1).first?.runAt
        return [job, network.nextDueDate()].compactMap { $0 }.min()
    }

    /// Creates a request for `numbers`, attaches the paperwork and submits it (must be accepted);
    /// returns its id and PON.
    func createAndSubmit(_ auth: Credentials, numbers: [String], fields: [String: Any]? = nil) async throws
        -> (id: String, pon: String) {
        let id = try await createOne(auth, numbers: numbers, fields: fields).id
        try await attachPaperwork(auth, requestId: id)
        let submitted = try await send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
        guard submitted.status == 200, submitted.json["status"] as? String == "submitted", let pon = submitted.json["pon"] as? String else {
            throw HarnessError("submit \(id): \(submitted.status) \(submitted.text)")
        }
        return (id, pon)
    }

    /// The request's timeline (`GET /v1/port-requests/{id}/events`) as the API returns it.
    func timeline(_ auth: Credentials, _ id: String) async throws -> TestResponse {
        let response = try await send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
        guard response.status == 200 else { throw HarnessError("events of \(id): \(response.status) \(response.text)") }
        return response
    }

    /// The `to` of every `status_changed` event, in order.
    func statusTrail(_ auth: Credentials, _ id: String) async throws -> [String] {
        try await timeline(auth, id).items.filter { $0["type"] as? String == "status_changed" }.compactMap { $0["to"] as? String }
    }

    /// The account's inventory numbers with `status` (nil: all), as `number -> status`.
    func inventory(_ auth: Credentials, status: String? = nil) async throws -> [String: String] {
        let path = status.map { "/v1/numbers?status=\($0)" } ?? "/v1/numbers"
        let items = try await send(.GET, path, auth: auth).items
        return Dictionary(items.compactMap { item in
            (item["number"] as? String).map { ($0, item["status"] as? String ?? "?") }
        }, uniquingKeysWith: { a, _ in a })
    }
}

extension Walk {
    mutating func note(_ status: String, at time: Date) {
        if statuses.last != status { statuses.append(status) }
        if firstSeen[status] == nil { firstSeen[status] = time }
    }
}
