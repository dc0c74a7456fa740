import Foundation
import NIOHTTP1
import PortInStore
import Testing
@testable import PortInServer

@Suite("Ops actions: dead letters")
struct OpsActionsJobsTests {
    @Test("a job that used up its attempts is listed as dead with its error, and ops retry it once; others are refused",
          arguments: TestBackend.available)
    func deadLetters(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            // A payload the handler cannot read fails on every attempt.
            let broken = try await service.store.jobs.enqueue(kind: LifecycleJobKind.submitOrder.rawValue, payload: Data("{}".utf8),
                                                              runAt: service.clock.now(), maxAttempts: 1, now: service.clock.now())
            let healthy = try await service.store.jobs.enqueue(kind: LifecycleJobKind.expireDrafts.rawValue, payload: Data("{}".utf8),
                                                               runAt: service.clock.now().addingTimeInterval(3600), maxAttempts: 3,
                                                               now: service.clock.now())
            try await service.runner.runDue()

            let dead = try await service.send(.GET, "/v1/ops/jobs?status=dead", auth: ops)
            #expect(dead.status == 200, "\(dead.text)")
            #expect(dead.items.compactMap { $0["id"] as? String } == [broken.id])
            let listed = try #require(dead.items.first)
            #expect(listed["kind"] as? String == "submit_order")
            #expect(listed["status"] as? String == "dead")
            #expect(listed["attempts"] as? Int == 1)
            #expect(listed["max_attempts"] as? Int == 1)
            #expect((listed["last_error"] as? String)?.isEmpty == false)
            #expect(try await service.send(.GET, "/v1/ops/jobs", auth: ops).items.count == 1, "dead is the default")
            let queued = try await service.send(.GET, "/v1/ops/jobs?status=queued", auth: ops)
            #expect(queued.items.compactMap { $0["id"] as? String } == [healthy.id])

            let retried = try await service.send(.POST, "/v1/ops/jobs/\(broken.id)/retry", auth: ops)
            #expect(retried.status == 200, "\(retried.text)")
            #expect(retried.json["status"] as? String == "queued")
            #expect(retried.json["attempts"] as? Int == 0)
            #expect(try await service.send(.GET, "/v1/ops/jobs", auth: ops).items.isEmpty)
            expectProblem(try await service.send(.POST, "/v1/ops/jobs/\(broken.id)/retry", auth: ops), status: 409, code: "job_not_dead")
            expectProblem(try await service.send(.POST, "/v1/ops/jobs/\(healthy.id)/retry", auth: ops), status: 409, code: "job_not_dead")
            expectProblem(try await service.send(.POST, "/v1/ops/jobs/job_unknown/retry", auth: ops), status: 404, code: "not_found")

            // Retried, it runs again (and, still broken, dies again).
            try await service.runner.runDue()
            #expect(try await service.store.jobs.find(id: broken.id)?.status == .dead)
            #expect(try await service.store.jobs.find(id: broken.id)?.attempts == 1)

            expectProblem(try await service.send(.GET, "/v1/ops/jobs?status=lost&limit=0", auth: ops), status: 422,
                          fields: ["status", "limit"])
            let customerCalls: [(HTTPMethod, String)] = [(.GET, "/v1/ops/jobs"), (.POST, "/v1/ops/jobs/\(broken.id)/retry"),
                                                         (.GET, "/v1/ops/alerts")]
            for (method, path) in customerCalls {
                expectProblem(try await service.send(method, path, auth: auth), status: 403, code: "ops_only")
            }
            #expect(try await service.store.jobs.find(id: broken.id)?.status == .dead)
        }
    }
}
