import Foundation
import Logging
import PortInCore
import PortInStore
import Vapor

/// All HTTP wiring in one place: middleware order, route groups and their guards.
public enum PortInApp {
    /// Registers the API on `app` around `dependencies`.
    public static func configure(_ app: Vapor.Application, dependencies: ServiceDependencies) {
        // Revocation is promised in wall time, also when the demo runs on an accelerated clock.
        let context = APIContext(dependencies: dependencies, metrics: MetricsRegistry(),
                                 credentials: CredentialCache(clock: SystemClock()))
        // Outermost first: metrics see the final status, problems replace Vapor's error shape.
        app.middleware = Middlewares()
        app.middleware.use(MetricsMiddleware(registry: context.metrics))
        app.middleware.use(RequestLogMiddleware())
        app.middleware.use(ProblemMiddleware())
        // 20,000 numbers as JSON are about 400 KB; uploads set their own limit.
        let jsonLimit = 2 * 1024 * 1024
        app.routes.defaultMaxBodySize = ByteCount(value: jsonLimit)

        ServiceRoutes(context: context).register(on: app)
        // The browser pages: cookie sessions, not Basic credentials (PageRoutes.prefixes).
        PageRoutes.register(on: app, context: context)
        CarrierCallbackRoutes(context: context).register(on: app)
        let api = app.grouped(BasicAuthMiddleware(store: dependencies.store, cache: context.credentials))
            .grouped(IdempotencyMiddleware(store: dependencies.store, clock: dependencies.clock,
                                           maxUploadBodyBytes: dependencies.limits.maxUploadBytes + 64 * 1024,
                                           maxJSONBodyBytes: jsonLimit))
        PortabilityRoutes(context: context).register(on: api)
        PortRequestRoutes(context: context).register(on: api)
        DocumentRoutes(context: context).register(on: api)
        TimelineRoutes(context: context).register(on: api)
        NumberRoutes(context: context).register(on: api)
        WebhookRoutes(context: context).register(on: api)
        OpsRoutes(context: context).register(on: api)
    }
}
