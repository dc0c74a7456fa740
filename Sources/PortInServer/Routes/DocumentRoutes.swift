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
        guard let portRequest = try await context.store.portRequests.find(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        guard !portRequest.status.isTerminal else {
            throw Problem(.conflict, code: "invalid_status", title: "Not allowed in this status",
                          detail: "A request in status \(portRequest.status.rawValue) takes no more documents.")
        }
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
        var errors: [FieldError] = []
        let kind = form.kind.flatMap { DocumentKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        if form.kind == nil {
            errors.append(FieldError(field: "kind", code: "required", message: "Say what the document is: loa, invoice, csr or other."))
        } else if kind == nil {
            errors.append(FieldError(field: "kind", code: "invalid_value", message: "Use one of: loa, invoice, csr, other."))
        }
        func date(_ text: String?, field: String) -> CivilDate? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let date = CivilDate(text.trimmingCharacters(in: .whitespaces)) else {
                errors.append(FieldError(field: field, code: "invalid_date", message: "Use a calendar date as YYYY-MM-DD."))
                return nil
            }
            return date
        }
        let invoiceDate = date(form.invoice_date, field: "invoice_date")
        let signedOn = date(form.signed_on, field: "signed_on")
        if kind == .invoice && invoiceDate == nil && !errors.contains(where: { $0.field == "invoice_date" }) {
            errors.append(FieldError(field: "invoice_date", code: "required", message: "An invoice needs its invoice date."))
        }
        var status = HTTPResponseStatus.unprocessableEntity
        var contentType: String?
        var bytes = Data()
        if let file = form.file {
            bytes = Data(buffer: file.data)
            if bytes.isEmpty {
                errors.append(FieldError(field: "file", code: "empty", message: "The file is empty."))
            } else if bytes.count > context.limits.maxUploadBytes {
                status = .payloadTooLarge
                errors.append(FieldError(field: "file", code: "too_large",
                                         message: "At most \(context.limits.maxUploadBytes) bytes; this file has \(bytes.count)."))
            } else if let sniffed = ContentSniffer.contentType(of: bytes) {
                contentType = sniffed
            } else {
                status = .unsupportedMediaType
                errors.append(FieldError(field: "file", code: "unsupported_type",
                                         message: "Upload a PDF, PNG, JPEG or TIFF; the content of this file is none of those."))
            }
        } else {
            errors.append(FieldError(field: "file", code: "required", message: "Attach the file as the part named file."))
        }
        guard errors.isEmpty, let kind, let contentType else {
            let code = status == .payloadTooLarge ? "file_too_large" : (status == .unsupportedMediaType ? "unsupported_file_type" : "validation_failed")
            throw Problem(status, code: code, title: "The document was not stored", detail: "Nothing was stored; see errors.",
                          errors: errors)
        }
        let sha256 = try context.files.put(bytes)
        let now = context.clock.now()
        let document = Document(id: StoreID.make("doc", at: now), requestId: id, accountId: account.id, kind: kind, contentType: contentType,
                                size: bytes.count, sha256: sha256, fileName: form.file?.filename.sanitizedFileName,
                                invoiceDate: invoiceDate, signedBy: form.signed_by?.trimmingCharacters(in: .whitespaces),
                                signedOn: signedOn, createdAt: now)
        try await context.store.transaction { tx in
            try await tx.documents.add(document)
            _ = try await tx.events.append(NewEvent(requestId: id, accountId: account.id, type: "document_added",
                                                    actor: .customer(account.id), reason: kind.rawValue, at: now))
        }
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
