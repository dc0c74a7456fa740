import CarrierSimulator
import PortInCore

/// A subscriber of the embedded simulator whose records the demo knows, so a newcomer can carry a
/// request through the whole lifecycle (`scripts/demo.sh`) without guessing a CSR.
public enum DemoSubscriber {
    public static let numbers = ["+12175220901", "+12175220902"]
    public static let accountNumber = "GT-DEMO-901"
    public static let businessName = "Demo Bakery LLC"
    public static let authorizedName = "Pat Baker"
    public static let address = ServiceAddress(houseNumber: "400", street: "Oak Ave", unit: nil, city: "Springfield", state: "IL",
                                               postalCode: "62704")

    static var record: SubscriberRecord {
        SubscriberRecord(carrier: "granite-telephone", accountNumber: accountNumber, btn: numbers[0], subscriberType: .business,
                         businessName: businessName, authorizedName: authorizedName, serviceAddress: address, numbers: numbers)
    }

    /// Adds the subscriber to `network` (a no-op when its numbers are taken, e.g. by a saved world).
    static func seed(_ network: CarrierNetwork) {
        try? network.addSubscribers([record])
    }
}
