import AsyncHTTPClient
import CarrierKit
import Foundation
import Logging
import PortInCore
import PortInStore

/// The workers `serve` embeds and `portin worker` runs: lifecycle jobs, then the outboxes (emails
/// and webhook deliveries). Each claims its rows with leases, so any number of processes can run
/// them on PostgreSQL. Leases are in clock time and stretch with an accelerated clock, so each still
/// outlasts its work in wall time.
struct BackgroundWork: Sendable {
    let tasks: [Task<Void, Never>]
    /// Webhook calls never follow redirects: their own client.
    let webhookClient: HTTPClient

    static func start(store: Store, gateway: any CarrierGateway, clock: any PortInClock, speed: Double,
                      configuration: ServerConfiguration, dataDirectory: URL, logger: Logger) async throws -> BackgroundWork {
        let engine = LifecycleEngine(store: store, gateway: gateway, clock: clock, logger: logger, respOrgID: configuration.respOrgID)
        // Every worker makes sure the periodic draft sweep is queued; only one ever is.
        try await engine.ensureDraftSweep()
        let webhookClient = WebhookDelivery.makeHTTPClient()
        let jobs = JobRunner(store: store, clock: clock, engine: engine, leaseSeconds: Int(120 * speed), logger: logger)
        let webhooks = WebhookDelivery(store: store, client: webhookClient, clock: clock,
                                       allowPrivateTargets: configuration.webhooksAllowPrivate, leaseSeconds: Int(60 * speed),
                                       logger: logger)
        let settings = configuration.email
        let emails = EmailOutboxDelivery(store: store, transport: try settings.makeTransport(dataDirectory: dataDirectory, logger: logger),
                                         clock: clock, from: settings.from, logger: logger, leaseSeconds: Int(300 * speed))
        return BackgroundWork(tasks: [jobs.start(), emails.start(), webhooks.start()], webhookClient: webhookClient)
    }

    /// Stops the loops (each finishes the item in hand), then closes the client.
    func stop() async {
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        try? await webhookClient.shutdown()
    }
}
