import Foundation
import NIOHTTP1
import PortInCore
import PortInStore

/// Shortcuts for the port-request suites: create, upload, read, all through real HTTP.
extension TestService {
    /// A minimal file that the server recognises as a PDF by its content.
    static let minimalPDF = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// `POST /v1/port-requests` with the complete fields of the default subscriber and `numbers`.
    func create(_ auth: Credentials, numbers: [String], fields: [String: Any]? = nil, pin: String? = nil,
                headers: [(String, String)] = []) async throws -> TestResponse {
        var body = fields ?? TestService.requestFields(btn: numbers.first ?? "", pin: pin)
        body["numbers"] = numbers
        return try await send(.POST, "/v1/port-requests", auth: auth, json: body, headers: headers)
    }

    /// Creates requests that must succeed and returns the one created request (fails the test otherwise).
    func createOne(_ auth: Credentials, numbers: [String], fields: [String: Any]? = nil, pin: String? = nil) async throws
        -> [String: Any] {
        let response = try await create(auth, numbers: numbers, fields: fields, pin: pin)
        guard response.status == 201, response.portRequests.count == 1 else {
            throw HarnessError("expected one created request, got \(response.status): \(response.text)")
        }
        return response.portRequests[0]
    }

    /// Uploads `data` (a minimal PDF by default) as a document of `kind` with the given form fields.
    func upload(_ auth: Credentials, requestId: String, kind: String, fields: [(String, String)] = [],
                data: Data = TestService.minimalPDF, filename: String = "doc.pdf") async throws -> TestResponse {
        let form = TestService.multipart(fields: [("kind", kind)] + fields, file: (name: "file", filename: filename, data: data))
        return try await send(.POST, "/v1/port-requests/\(requestId)/documents", auth: auth, body: form.body,
                              contentType: form.contentType)
    }

    /// Uploads a signed LOA (signed by the default authorized person today) and a fresh invoice.
    func attachPaperwork(_ auth: Credentials, requestId: String) async throws {
        let today = CivilDate(TestService.todayText)!
        let invoiceDay = today.adding(days: -10).description
        let loa = try await upload(auth, requestId: requestId, kind: "loa",
                                   fields: [("signed_by", "Jane Roe"), ("signed_on", today.description)])
        let invoice = try await upload(auth, requestId: requestId, kind: "invoice", fields: [("invoice_date", invoiceDay)])
        guard loa.status == 201, invoice.status == 201 else {
            throw HarnessError("paperwork upload failed: \(loa.status) \(loa.text) / \(invoice.status) \(invoice.text)")
        }
    }

    /// The start date of the clock in the carrier's (and the default calendar's) zone.
    static let todayText = "2027-03-01"

    /// `GET /v1/port-requests/{id}` (must be 200).
    func read(_ auth: Credentials, _ id: String) async throws -> [String: Any] {
        let response = try await send(.GET, "/v1/port-requests/\(id)", auth: auth)
        guard response.status == 200 else { throw HarnessError("read \(id): \(response.status) \(response.text)") }
        return response.json
    }

    /// Moves a request to `action_required` in the store, as a carrier rejection would.
    func moveToActionRequired(_ id: String) async throws {
        let change = StatusChange(from: .draft, to: .actionRequired)
        guard try await store.portRequests.transition(id: id, change: change, now: clock.now()) != nil else {
            throw HarnessError("could not move \(id) to action_required")
        }
    }
}

/// A failed precondition of a test's setup, with what the server said.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    /// `port_requests` of a create response.
    var portRequests: [[String: Any]] { json["port_requests"] as? [[String: Any]] ?? [] }
    /// `data` of a list response.
    var items: [[String: Any]] { json["data"] as? [[String: Any]] ?? [] }
    /// `errors` of a problem.
    var problemErrors: [[String: Any]] { json["errors"] as? [[String: Any]] ?? [] }
    /// The problem's error for `field`, if any.
    func problemError(_ field: String) -> [String: Any]? { problemErrors.first { $0["field"] as? String == field } }
    /// The codes reported for `field`.
    func problemCodes(_ field: String) -> [String] {
        problemErrors.filter { $0["field"] as? String == field }.compactMap { $0["code"] as? String }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `numbers[].number` of a port request.
    var requestNumbers: [String] { (self["numbers"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String } }
    var id: String { self["id"] as? String ?? "" }
    var status: String? { self["status"] as? String }
    var losingSPID: String? { (self["losing_carrier"] as? [String: Any])?["spid"] as? String }
}
