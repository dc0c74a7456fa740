import PortInStore

extension StoreTransaction {
    /// Queues one delivery of `notification` per webhook endpoint of its account subscribed to
    /// its event. (Placeholder until webhook endpoints exist: the webhooks work replaces it.)
    func enqueueWebhooks(_ notification: PortNotification) async throws {}
}
