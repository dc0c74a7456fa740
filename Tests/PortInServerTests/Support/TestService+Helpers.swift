import Foundation
import Testing

/// Shortcuts the route tests share: opening requests, uploading documents, looking at the
/// documents directory, and checking problems.
extension TestService {
    /// Opens a port request for `numbers` (already registered with a simulated subscriber) and
    /// returns the first request created, as JSON.
    func createRequest(auth: Credentials, numbers: [String], fields: [String: Any]? = nil, pin: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        var body = fields ?? TestService.requestFields(btn: numbers[0], pin: pin)
        body["numbers"] = numbers
        let response = try await send(.POST, "/v1/port-requests", auth: auth, json: body)
        try #require(response.status == 201, "\(response.text)", sourceLocation: sourceLocation)
        let requests = response.json["port_requests"] as? [[String: Any]] ?? []
        return try #require(requests.first, sourceLocation: sourceLocation)
    }

    /// The id of a new draft request for `numbers`.
    func createRequestId(auth: Credentials, numbers: [String], pin: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let request = try await createRequest(auth: auth, numbers: numbers, pin: pin, sourceLocation: sourceLocation)
        return try #require(request["id"] as? String, sourceLocation: sourceLocation)
    }

    /// POSTs a multipart upload to the request's documents.
    func upload(_ requestId: String, auth: Credentials?, fields: [(String, String)], file: (filename: String, data: Data)?)
        async throws -> TestResponse {
        let form = TestService.multipart(fields: fields, file: file.map { (name: "file", filename: $0.filename, data: $0.data) })
        return try await send(.POST, "/v1/port-requests/\(requestId)/documents", auth: auth, body: form.body,
                              contentType: form.contentType)
    }

    /// Every regular file under the documents directory (temporary files included), relative paths.
    func storedDocumentFiles() -> [String] {
        let root = documentsDirectory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}

/// Checks that `response` is an RFC 9457 problem with `status` and the stable members, and (when
/// given) its `code` and the fields its `errors` name.
func expectProblem(_ response: TestResponse, status: Int, code: String? = nil, fields: Set<String>? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.contentType == "application/problem+json", sourceLocation: sourceLocation)
    #expect(response.json["status"] as? Int == status, sourceLocation: sourceLocation)
    #expect(response.json["type"] is String, sourceLocation: sourceLocation)
    #expect(response.json["title"] is String, sourceLocation: sourceLocation)
    #expect(response.json["code"] is String, sourceLocation: sourceLocation)
    if let code { #expect(response.problemCode == code, "\(response.text)", sourceLocation: sourceLocation) }
    if let fields { #expect(Set(response.problemFields) == fields, "\(response.text)", sourceLocation: sourceLocation) }
}
