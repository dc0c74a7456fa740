import CarrierKit
import Foundation
import Logging
import PortInCore
import PortInStore

/// Everything the HTTP service needs, built once in `PortInRuntime` (or by tests) and injected.
public struct ServiceDependencies: Sendable {
    public var store: Store
    public var gateway: any CarrierGateway
    public var clock: any PortInClock
    /// Where document bytes live (by SHA-256).
    public var documentsDirectory: URL
    public var limits: ServiceLimits
    /// `sqlite` or `postgresql`, shown by `/ready`.
    public var databaseName: String
    /// Secret of the partner's signed callbacks; nil refuses every callback.
    public var callbackSecret: String?
    /// The calendar day-based schedules use (FOC minus 2 business days).
    public var calendar: BusinessCalendar
    /// Whether webhook endpoints may be loopback or private addresses (`PORTIN_WEBHOOKS_ALLOW_PRIVATE`).
    public var webhooksAllowPrivate: Bool
    /// Browser sessions: cookie flags, timeouts and the sign-in lockout.
    public var web: WebSettings
    /// The clock of session expiry and sign-in lockouts; nil: `clock`. The demo passes wall time here,
    /// since its accelerated clock would end a 30-minute session in a tenth of a second.
    public var sessionClock: (any PortInClock)?
    /// Our RespOrg id, on toll-free orders and LOAs alike (`PORTIN_RESP_ORG_ID`).
    public var respOrgID: String
    /// SQLite: the group commit every carrier event of this process goes through (see `IngestGroups`).
    let ingestGroups: IngestGroups?

    public init(store: Store, gateway: any CarrierGateway, clock: any PortInClock, documentsDirectory: URL,
                limits: ServiceLimits = ServiceLimits(), databaseName: String, callbackSecret: String? = nil,
                calendar: BusinessCalendar = .usFederal, webhooksAllowPrivate: Bool = true, web: WebSettings = WebSettings(),
                sessionClock: (any PortInClock)? = nil, respOrgID: String = RespOrg.defaultID) {
        self.store = store
        self.gateway = gateway
        self.clock = clock
        self.documentsDirectory = documentsDirectory
        self.limits = limits
        self.databaseName = databaseName
        self.callbackSecret = callbackSecret
        self.calendar = calendar
        self.webhooksAllowPrivate = webhooksAllowPrivate
        self.web = web
        self.sessionClock = sessionClock
        self.respOrgID = respOrgID
        ingestGroups = store.prefersGroupedWrites ? IngestGroups() : nil
    }

    /// The carrier-event ingest of this process (callbacks and the embedded simulator share it).
    func makeIngest(logger: Logger = Logger(label: "portin.carrier-events")) -> CarrierEventIngest {
        CarrierEventIngest(store: store, clock: clock, calendar: calendar, logger: logger, groups: ingestGroups)
    }
}

/// The services the routes share, made once from the dependencies.
struct APIContext: Sendable {
    let dependencies: ServiceDependencies
    let metrics: MetricsRegistry
    let credentials: CredentialCache

    var store: Store { dependencies.store }
    var clock: any PortInClock { dependencies.clock }
    var limits: ServiceLimits { dependencies.limits }
    var portRequests: PortRequestService {
        PortRequestService(store: store, gateway: dependencies.gateway, clock: clock, limits: limits, calendar: dependencies.calendar)
    }
    var opsActions: OpsActionService { OpsActionService(store: store, clock: clock, calendar: dependencies.calendar) }
    var portability: PortabilityService { PortabilityService(gateway: dependencies.gateway, store: store) }
    var files: DocumentFileStore { DocumentFileStore(root: dependencies.documentsDirectory) }
    var documents: DocumentService { DocumentService(store: store, files: files, clock: clock, limits: limits) }
    var comments: CommentService { CommentService(store: store, clock: clock) }
    var loaSigning: LOASigningService { LOASigningService(store: store, files: files, clock: clock, calendar: dependencies.calendar,
                                                   respOrgID: dependencies.respOrgID) }
    var loaTemplates: LOATemplateService { LOATemplateService(store: store, clock: clock) }
    var numbers: NumberService { NumberService(store: store, clock: clock) }
    var sessions: WebSessionService {
        WebSessionService(store: store, clock: dependencies.sessionClock ?? clock, settings: dependencies.web)
    }
    /// Sign-ins logged through `logger` (the request's, so lines carry its request id).
    func logins(logger: Logger) -> LoginService {
        LoginService(store: store, clock: dependencies.sessionClock ?? clock, policy: dependencies.web.lockout, logger: logger)
    }
    var ingest: CarrierEventIngest { dependencies.makeIngest() }
}
