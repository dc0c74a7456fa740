import Foundation
import PortInCore
import PortInDocuments
import PortInStore

/// `/ops/loa-templates`: the countries with their own international LOA template (who stored it,
/// when), a form to upload or paste one (every problem shown at once, nothing stored on any), a
/// sample PDF of each, and removal (the country goes back to the built-in template).
struct OpsTemplatesPage: Sendable {
    struct Row: Sendable {
        var record: LOATemplateRecord
        /// Nil when the stored JSON no longer reads (shown, so ops can replace it).
        var template: LOATemplate?
    }

    static let path = "/ops/loa-templates"
    static let countryField = "country"
    static let jsonField = "template_json"
    static let fileField = "file"

    var rows: [Row]
    var chrome: PageChrome
    var values: [String: String] = [:]
    var errors = FormErrors()
    var notice: RequestPage.Notice?

    static func load(store: Store, chrome: PageChrome) async throws -> OpsTemplatesPage {
        let rows = try await store.loaTemplates.list().map { record in
            Row(record: record, template: LOATemplateService.read(record))
        }
        return OpsTemplatesPage(rows: rows, chrome: chrome)
    }

    static func previewPath(_ country: String) -> String { path + "/" + PageFormat.pathSegment(country) + "/preview" }
}
