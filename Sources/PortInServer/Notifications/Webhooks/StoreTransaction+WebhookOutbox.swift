import PortInStore

extension StoreTransaction {
    /// Queues one delivery of `notification` per enabled webhook endpoint of its account subscribed
    /// to its event, in the caller's transaction: the deliveries commit with the change that caused
    /// them and `WebhookDelivery` sends them afterwards.
    func enqueueWebhooks(_ notification: PortNotification) async throws {
        let event = notification.type.webhookEvent
        let endpoints = try await webhookEndpoints.subscribed(accountId: notification.accountId, event: event)
        guard !endpoints.isEmpty else { return }
        let payload = try WebhookEventBody(notification).encoded()
        _ = try await webhookDeliveries.enqueue(endpoints.map { endpoint in
            NewWebhookDelivery(accountId: notification.accountId, endpointId: endpoint.id, eventId: notification.id, eventType: event,
                               requestId: notification.requestId, payload: payload)
        }, now: notification.at)
    }
}
