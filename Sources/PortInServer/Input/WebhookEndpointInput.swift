import Foundation
import PortInStore

/// The fields of `POST /v1/webhooks` and `PATCH /v1/webhooks/{id}`, every problem collected.
struct WebhookEndpointInput {
    var url: String?
    var description: Patch<String> = .absent
    var events: [String]?
    var enabled: Bool?

    static let maxURLLength = 2000
    static let maxDescriptionLength = 500

    /// Reads `object`; with `creating`, `url` and `events` are required.
    static func read(_ object: [String: JSONValue], creating: Bool, policy: WebhookTargetPolicy, into reader: inout InputReader)
        -> WebhookEndpointInput {
        var input = WebhookEndpointInput()
        switch reader.string(object, "url", maxLength: maxURLLength) {
        case .value(let url):
            let problems = policy.problems(url: url)
            for problem in problems { reader.add(problem.field, problem.code, problem.message) }
            if problems.isEmpty { input.url = url }
        case .null:
            reader.add("url", "required", "Give the URL to POST events to.")
        case .absent where creating && !reader.errors.contains(where: { $0.field == "url" }):
            reader.add("url", "required", "Give the URL to POST events to.")
        case .absent: break
        }
        input.description = reader.string(object, "description", maxLength: maxDescriptionLength)
        switch reader.strings(object, "events", maxCount: 100, maxLength: 100) {
        case .value(let names): input.events = events(names, into: &reader)
        case .null:
            reader.add("events", "required", "Choose events, or [\"*\"] for every event.")
        case .absent where creating && !reader.errors.contains(where: { $0.field.hasPrefix("events") }):
            reader.add("events", "required", "Choose events, or [\"*\"] for every event.")
        case .absent: break
        }
        switch reader.bool(object, "enabled") {
        case .value(let flag): input.enabled = flag
        case .null: reader.add("enabled", "invalid_type", "Expected true or false, got null.")
        case .absent: break
        }
        return input
    }

    /// Known event names (deduplicated, in the order given), or `["*"]` when the wildcard is among them.
    private static func events(_ names: [String], into reader: inout InputReader) -> [String]? {
        guard !names.isEmpty else {
            reader.add("events", "required", "Choose at least one event, or [\"*\"] for every event.")
            return nil
        }
        let known = Set(NotificationType.webhookEvents)
        var chosen: [String] = []
        var valid = true
        for (index, name) in names.enumerated() {
            if name == WebhookEndpoint.allEvents || known.contains(name) {
                if !chosen.contains(name) { chosen.append(name) }
            } else {
                reader.add("events[\(index)]", "unknown_event",
                           "Use \"*\" or one of the events of GET /v1/webhook-events, e.g. port_request.completed.")
                valid = false
            }
        }
        guard valid else { return nil }
        return chosen.contains(WebhookEndpoint.allEvents) ? [WebhookEndpoint.allEvents] : chosen
    }
}
