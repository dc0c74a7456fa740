import CarrierKit
import Foundation
import PortInCore
@testable import PortInServer
import PortInStore

/// Shortcuts for the watchdog and ops-action suites: requests at the carrier on any date, signed
/// carrier events, and the emails waiting in the outbox.
extension TestService {
    /// The instant of an ISO 8601 text such as `2027-06-08T14:00:00Z`.
    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// Opens a request for `numbers` (registered with the default subscriber), attaches an LOA signed
    /// today and an invoice from ten days ago (today on the service's clock), submits it and runs the
    /// jobs, so the partner carrier has acknowledged it (`carrier_review`). The simulated network is
    /// not ticked: the carrier says nothing more until a test makes it.
    func submitToCarrier(_ auth: Credentials, numbers: [String], fields: [String: Any]? = nil) async throws -> [String: Any] {
        let today = BusinessCalendar.usFederal.localDate(of: clock.now())
        let id = try await createOne(auth, numbers: numbers, fields: fields).id
        let loa = try await upload(auth, requestId: id, kind: "loa", fields: [("signed_by", "Jane Roe"), ("signed_on", today.description)])
        let invoice = try await upload(auth, requestId: id, kind: "invoice", fields: [("invoice_date", today.adding(days: -10).description)])
        guard loa.status == 201, invoice.status == 201 else { throw HarnessError("paperwork: \(loa.text) / \(invoice.text)") }
        let submitted = try await send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
        guard submitted.status == 200 else { throw HarnessError("submit: \(submitted.status) \(submitted.text)") }
        try await runner.runDue()
        let request = try await read(auth, id)
        guard request.status == "carrier_review" else { throw HarnessError("expected carrier_review, got \(request.status ?? "?")") }
        return request
    }

    /// Posts `event` to the callback route, signed with the shared secret; returns the outcome.
    @discardableResult
    func deliverCarrierEvent(_ event: CarrierEvent) async throws -> String? {
        let body = try CarrierWire.encoder().encode(event)
        let signature = CallbackSignature(secret: TestService.callbackSecret).header(for: body, at: clock.now())
        let response = try await send(.POST, "/v1/carrier/callbacks", body: body, contentType: "application/json",
                                      headers: [(CallbackSignature.headerName, signature)])
        guard response.status == 200 else { throw HarnessError("callback: \(response.status) \(response.text)") }
        return response.json["outcome"] as? String
    }

    /// Emails written to the outbox so far and not yet sent (nothing sends them in tests), oldest first.
    func outboxEmails() async throws -> [EmailEnvelope] {
        try await store.outbox.due(now: .distantFuture, limit: 10_000).filter { $0.kind == .email }.map {
            try JSONDecoder.notifications.decode(EmailEnvelope.self, from: $0.payload)
        }
    }

    /// The outbox emails of one type about one request.
    func outboxEmails(_ type: NotificationType, request id: String) async throws -> [EmailEnvelope] {
        try await outboxEmails().filter { $0.notification.type == type && $0.notification.requestId == id }
    }

    /// Jobs of `kind` in `status`.
    func jobs(_ kind: LifecycleJobKind, status: JobStatus = .queued) async throws -> [Job] {
        try await store.jobs.list(status: status, limit: 200).filter { $0.kind == kind.rawValue }
    }

    /// Moves a request through `statuses` in the store (test setup: as if the lifecycle had),
    /// bumping the version on `submitted`.
    func force(_ id: String, through statuses: [PortStatus]) async throws {
        for status in statuses {
            guard let current = try await store.portRequests.opsFind(id: id) else { throw HarnessError("no request \(id)") }
            let change = StatusChange(from: current.status, to: status, bumpVersion: status == .submitted)
            guard try await store.portRequests.transition(id: id, change: change, now: clock.now()) != nil else {
                throw HarnessError("could not move \(id) to \(status.rawValue)")
            }
        }
    }
}
