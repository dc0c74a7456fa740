import CarrierKit
import Foundation
import Vapor

/// `POST /v1/carrier/callbacks`: the partner carrier's signed events. The signature (HMAC-SHA256
/// over timestamp and body, `X-PortIn-Signature`) is checked before anything is read; each event
/// is applied once whatever the order or number of deliveries.
struct CarrierCallbackRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        routes.post("v1", "carrier", "callbacks", use: receive)
    }

    func receive(_ request: Request) async throws -> Response {
        let body = request.body.data.map { Data(buffer: $0) } ?? Data()
        guard let secret = context.dependencies.callbackSecret else {
            throw Problem(.unauthorized, code: "invalid_signature", title: "Callbacks are not configured",
                          detail: "Set PORTIN_CARRIER_CALLBACK_SECRET to receive partner callbacks.")
        }
        do {
            try CallbackSignature(secret: secret).verify(header: request.headers.first(name: CallbackSignature.headerName), body: body,
                                                         now: context.clock.now())
        } catch {
            throw Problem(.unauthorized, code: "invalid_signature", title: "The callback signature is not valid",
                          detail: error.description)
        }
        let event: CarrierEvent
        do {
            event = try CarrierWire.decoder().decode(CarrierEvent.self, from: body)
        } catch let error as DecodingError {
            throw Problem.validation([InputReader.fieldError(for: error)], detail: "The body is not a carrier event.")
        }
        let outcome = try await context.ingest.ingest(event)
        return try APIJSON.response(["event_id": event.eventId, "outcome": outcome.rawValue])
    }
}
