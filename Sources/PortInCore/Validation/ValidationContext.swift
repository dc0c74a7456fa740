import Foundation

/// Everything validation needs besides the request itself: the moment it runs and what the
/// portability check found. Injected, so validation is a pure function and tests pin the time.
public struct ValidationContext: Sendable {
    /// When the request would be submitted; decides "today", LSR cut-off and document ages.
    public var now: Date
    /// Portability results by E.164. A number with no route cannot be submitted.
    public var routes: [String: NumberRoute]
    /// Losing carrier profiles by id (SPID).
    public var carriers: [String: LosingCarrierProfile]
    /// The calendar used for document ages when no carrier is known.
    public var defaultCalendar: BusinessCalendar
    public var limits: ValidationLimits

    public init(now: Date, routes: [String: NumberRoute] = [:], carriers: [String: LosingCarrierProfile] = [:],
                defaultCalendar: BusinessCalendar = .usFederal, limits: ValidationLimits = .init()) {
        self.now = now
        self.routes = routes
        self.carriers = carriers
        self.defaultCalendar = defaultCalendar
        self.limits = limits
    }
}

/// Limits that operators may tune.
public struct ValidationLimits: Sendable, Hashable, Codable {
    public var maxNumbersPerRequest: Int
    /// Invoices older than this are refused.
    public var invoiceMaxAgeDays: Int
    /// Invoices older than this draw a warning (carriers prefer the latest bill).
    public var invoiceWarnAgeDays: Int
    /// Toll-free LOAs must be dated within this many days before the change.
    public var tollFreeLOAMaxAgeDays: Int

    public init(maxNumbersPerRequest: Int = 5_000, invoiceMaxAgeDays: Int = 60, invoiceWarnAgeDays: Int = 30,
                tollFreeLOAMaxAgeDays: Int = 30) {
        self.maxNumbersPerRequest = maxNumbersPerRequest
        self.invoiceMaxAgeDays = invoiceMaxAgeDays
        self.invoiceWarnAgeDays = invoiceWarnAgeDays
        self.tollFreeLOAMaxAgeDays = tollFreeLOAMaxAgeDays
    }
}
