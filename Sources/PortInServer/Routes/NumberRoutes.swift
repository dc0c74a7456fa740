import PortInCore
import PortInStore
import Vapor

/// The account's numbers (porting and active) and the applications they can be attached to.
struct NumberRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        routes.get("v1", "numbers", use: listNumbers)
        routes.patch("v1", "numbers", ":e164", use: updateNumber)
        routes.get("v1", "applications", use: listApplications)
        routes.post("v1", "applications", use: createApplication)
    }

    func listNumbers(_ request: Request) async throws -> Response {
        let account = try request.account()
        var filter = AccountNumberFilter()
        if let text = request.query[String.self, at: "status"], !text.isEmpty {
            guard let status = AccountNumberStatus(rawValue: text) else {
                throw Problem.field("status", code: "invalid_value", message: "Use porting or active.")
            }
            filter.status = status
        }
        let page = try await context.store.numbers.list(accountId: account.id, filter: filter, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map(AccountNumberBody.init), nextCursor: page.nextCursor))
    }

    func updateNumber(_ request: Request) async throws -> Response {
        let account = try request.account()
        // The router has already percent-decoded the parameter (`%2B` is `+`); decoding again would
        // let `%252B` through as `+`.
        let raw = try request.pathParameter("e164")
        guard let e164 = try? PhoneNumber.parse(raw).e164,
              try await context.store.numbers.find(e164: e164, accountId: account.id) != nil
        else { throw Problem.notFound("number") }
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let application = reader.string(object, "application_id", maxLength: 64)
        if application.isAbsent && !reader.errors.contains(where: { $0.field == "application_id" }) {
            reader.add("application_id", "required", "Give an application id, or null to detach.")
        }
        if let applicationId = application.value,
           try await context.store.applications.find(id: applicationId, accountId: account.id) == nil {
            reader.add("application_id", "not_found", "No application with this id in your account.")
        }
        guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
        guard try await context.store.numbers.attach(e164: e164, accountId: account.id, applicationId: application.value,
                                                     now: context.clock.now()),
              let number = try await context.store.numbers.find(e164: e164, accountId: account.id)
        else { throw Problem.notFound("number") }
        return try APIJSON.response(AccountNumberBody(number))
    }

    func listApplications(_ request: Request) async throws -> Response {
        let account = try request.account()
        let page = try await context.store.applications.list(accountId: account.id, page: try request.pageRequest())
        return try APIJSON.response(ListBody(data: page.items.map(ApplicationBody.init), nextCursor: page.nextCursor))
    }

    func createApplication(_ request: Request) async throws -> Response {
        let account = try request.account()
        let object = try InputReader.object(from: request.body.data.map { Data(buffer: $0) })
        var reader = InputReader()
        let name = reader.requiredString(object, "name", maxLength: 200)
        let voice = reader.string(object, "voice_url", maxLength: 2000).value
        let sms = reader.string(object, "sms_url", maxLength: 2000).value
        if let voice, !InputReader.isWebURL(voice) { reader.add("voice_url", "invalid_url", "Use an absolute http or https URL.") }
        if let sms, !InputReader.isWebURL(sms) { reader.add("sms_url", "invalid_url", "Use an absolute http or https URL.") }
        guard reader.errors.isEmpty, let name else { throw Problem.validation(reader.errors) }
        let application = try await context.store.applications.create(accountId: account.id, name: name, voiceURL: voice, smsURL: sms,
                                                                       now: context.clock.now())
        return try APIJSON.response(ApplicationBody(application), status: .created)
    }
}
