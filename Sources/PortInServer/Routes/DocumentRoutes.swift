import Foundation
import PortInCore
import PortInStore
import Vapor

/// Documents of a request: multipart upload (type decided by content), list, download.
struct DocumentRoutes {
    let context: APIContext

    func register(on routes: any RoutesBuilder) {
        let documents = routes.grouped("v1", "port-requests", ":id", "documents")
        // The body is collected up to the upload limit plus room for the multipart envelope; beyond
        // that Vapor refuses it with 413 before it is all read.
        documents.on(.POST, body: .collect(maxSize: ByteCount(value: context.limits.maxUploadBytes + 64 * 1024)), use: upload)
        documents.get(use: list)
        documents.get(":document_id", use: download)
    }

    /// The multipart form; every part optional here so that all problems are reported together.
    struct UploadForm: Content {
        var kind: String?
        var invoice_date: String?
        var signed_by: String?
        var signed_on: String?
        var file: File?
    }

    func upload(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        // 404 and 409 before any body problem, as on every route naming a request.
        _ = try await context.documents.requestTakingDocuments(account: account, requestId: id)
        guard request.headers.contentType?.type == "multipart", request.headers.contentType?.subType == "form-data" else {
            throw Problem(.unsupportedMediaType, code: "multipart_required", title: "Send multipart/form-data",
                          detail: "Upload a document as multipart/form-data with the parts kind and file.")
        }
        let form: UploadForm
        do {
            form = try request.content.decode(UploadForm.self)
        } catch {
            throw Problem.field("body", code: "invalid_multipart", message: "The multipart body cannot be read.")
        }
        let upload = DocumentUpload(kind: form.kind, invoiceDate: form.invoice_date, signedBy: form.signed_by, signedOn: form.signed_on,
                                    fileName: form.file?.filename, bytes: form.file.map { Data(buffer: $0.data) })
        let document = try await context.documents.upload(account: account, requestId: id, upload)
        return try APIJSON.response(DocumentBody(document), status: .created)
    }

    func list(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        guard try await context.store.portRequests.find(id: id, accountId: account.id) != nil else {
            throw Problem.notFound("port request")
        }
        let documents = try await context.store.documents.list(requestId: id, accountId: account.id)
        return try APIJSON.response(DataBody(data: documents.map(DocumentBody.init)))
    }

    func download(_ request: Request) async throws -> Response {
        let account = try request.account()
        let id = try request.pathParameter("id")
        let documentId = try request.pathParameter("document_id")
        guard let document = try await context.store.documents.find(id: documentId, requestId: id, accountId: account.id) else {
            throw Problem.notFound("document")
        }
        return try DocumentRoutes.fileResponse(document, files: context.files)
    }

    static func fileResponse(_ document: Document, files: DocumentFileStore) throws -> Response {
        let data = try files.get(document.sha256)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        let name = document.fileName ?? "\(document.kind.rawValue).\(document.contentType.split(separator: "/").last ?? "bin")"
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

extension String {
    /// A file name safe to store and echo in a header: no path, quotes or control characters.
    var sanitizedFileName: String? {
        let base = split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        let trimmed = String(cleaned.prefix(200)).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
