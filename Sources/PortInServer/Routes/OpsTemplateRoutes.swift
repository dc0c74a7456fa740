import Foundation
import PortInCore
import PortInDocuments
import PortInStore
import Vapor

/// `/v1/ops/loa-templates`: the per-country LOA templates of the console's page, for scripts
/// (the same `LOATemplateService` rules: every problem at once, nothing stored on any).
struct OpsTemplateRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let templates = routes.grouped("v1", "ops", "loa-templates")
        templates.get(use: list)
        templates.get(":country", use: get)
        templates.on(.PUT, ":country", body: .collect(maxSize: ByteCount(value: LOATemplateInput.maxBytes + 1024)), use: put)
        templates.delete(":country", use: remove)
    }

    struct TemplateBody: Encodable {
        var country: String
        var template: LOATemplate?
        var updatedAt: Date
        var updatedBy: String

        init(_ record: LOATemplateRecord, template: LOATemplate?) {
            country = record.country
            self.template = template
            updatedAt = record.updatedAt
            updatedBy = record.updatedByEmail
        }
    }

    func list(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let records = try await context.store.loaTemplates.list()
        return try APIJSON.response(DataBody(data: records.map { TemplateBody($0, template: LOATemplateService.read($0)) }))
    }

    private func stored(_ request: Request) async throws -> LOATemplateRecord {
        guard let country = LOATemplateInput.country(try request.pathParameter("country")),
              let record = try await context.store.loaTemplates.get(country: country) else {
            throw Problem(.notFound, code: "not_found", title: "Not found",
                          detail: "No LOA template is stored for this country: its LOAs use the built-in international template.")
        }
        return record
    }

    func get(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        let record = try await stored(request)
        return try APIJSON.response(TemplateBody(record, template: LOATemplateService.read(record)))
    }

    func put(_ request: Request) async throws -> Response {
        let user = try request.opsUser()
        let data = request.body.data.map { Data(buffer: $0) } ?? Data()
        let (record, template) = try await context.loaTemplates.put(country: try request.pathParameter("country"), json: data, by: user)
        return try APIJSON.response(TemplateBody(record, template: template))
    }

    func remove(_ request: Request) async throws -> Response {
        _ = try request.opsUser()
        try await context.loaTemplates.remove(country: try request.pathParameter("country"))
        return Response(status: .noContent)
    }
}
