import CarrierKit
import CarrierSimulator
import Logging

/// The embedded simulator's events go straight into the same ingest the callback route uses
/// (no HTTP hop, no signature: both sides are this process).
struct IngestingEventSink: CarrierEventSink {
    let ingest: CarrierEventIngest
    let logger: Logger

    func deliver(_ event: CarrierEvent) async {
        do {
            _ = try await ingest.ingest(event)
        } catch {
            logger.error("carrier event not applied", metadata: ["event": "\(event.eventId)", "pon": "\(event.pon)"])
        }
    }
}
