import Foundation
import PortInCore
import PortInStore

/// One document upload as both the API (multipart) and the request page's form send it; every
/// part optional so that all problems are reported together.
struct DocumentUpload: Sendable {
    var kind: String?
    var invoiceDate: String?
    var signedBy: String?
    var signedOn: String?
    var fileName: String?
    /// Nil when no file part was sent.
    var bytes: Data?
}

/// The rules of documents: which requests take them, what each kind needs, and what a file must be
/// (its type decided by its content, within the size limit). Nothing is stored on any refusal.
struct DocumentService: Sendable {
    let store: Store
    let files: DocumentFileStore
    let clock: any PortInClock
    let limits: ServiceLimits

    /// The request, when it belongs to `account` and still takes documents (404, then 409).
    func requestTakingDocuments(account: Account, requestId: String) async throws -> StoredPortRequest {
        guard let portRequest = try await store.portRequests.find(id: requestId, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        guard !portRequest.status.isTerminal else {
            throw Problem(.conflict, code: "invalid_status", title: "Not allowed in this status",
                          detail: "A request in status \(portRequest.status.rawValue) takes no more documents.")
        }
        return portRequest
    }

    /// Checks `upload` and stores it with its `document_added` event; throws a problem naming every
    /// field at fault (413 for a file over the limit, 415 for content of no accepted type).
    /// `extraErrors` are a caller's own checks of the same form (the wizard's invoice date window),
    /// reported with these so every problem comes back at once.
    func upload(account: Account, requestId id: String, _ upload: DocumentUpload, extraErrors: [FieldError] = []) async throws -> Document {
        _ = try await requestTakingDocuments(account: account, requestId: id)
        var errors = extraErrors
        let kind = upload.kind.flatMap { DocumentKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        // A LOA signed through PortIn is final: no other LOA replaces it.
        if kind == .loa, try await store.loaSigning.signed(requestId: id, accountId: account.id) != nil {
            throw LOASigningService.alreadySigned
        }
        if upload.kind == nil {
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
        let invoiceDate = date(upload.invoiceDate, field: "invoice_date")
        let signedOn = date(upload.signedOn, field: "signed_on")
        if kind == .invoice && invoiceDate == nil && !errors.contains(where: { $0.field == "invoice_date" }) {
            errors.append(FieldError(field: "invoice_date", code: "required", message: "An invoice needs its invoice date."))
        }
        var refusal = UploadRefusal.unprocessable
        var contentType: String?
        let bytes = upload.bytes ?? Data()
        if upload.bytes != nil {
            if bytes.isEmpty {
                errors.append(FieldError(field: "file", code: "empty", message: "The file is empty."))
            } else if bytes.count > limits.maxUploadBytes {
                refusal = .tooLarge
                errors.append(FieldError(field: "file", code: "too_large",
                                         message: "At most \(limits.maxUploadBytes) bytes; this file has \(bytes.count)."))
            } else if let sniffed = ContentSniffer.contentType(of: bytes) {
                contentType = sniffed
            } else {
                refusal = .unsupported
                errors.append(FieldError(field: "file", code: "unsupported_type",
                                         message: "Upload a PDF, PNG, JPEG or TIFF; the content of this file is none of those."))
            }
        } else {
            errors.append(FieldError(field: "file", code: "required", message: "Attach the file as the part named file."))
        }
        guard errors.isEmpty, let kind, let contentType else {
            throw refusal.problem(errors)
        }
        let sha256 = try files.put(bytes)
        let now = clock.now()
        let signedBy = upload.signedBy?.trimmingCharacters(in: .whitespaces)
        let document = Document(id: StoreID.make("doc", at: now), requestId: id, accountId: account.id, kind: kind, contentType: contentType,
                                size: bytes.count, sha256: sha256, fileName: upload.fileName?.sanitizedFileName,
                                invoiceDate: invoiceDate, signedBy: signedBy?.isEmpty == true ? nil : signedBy,
                                signedOn: signedOn, createdAt: now)
        try await store.transaction { tx in
            try await tx.documents.add(document)
            _ = try await tx.events.append(NewEvent(requestId: id, accountId: account.id, type: "document_added",
                                                    actor: .customer(account.id), reason: kind.rawValue, at: now))
        }
        return document
    }
}

/// How a refused upload is answered: 413 and 415 name the file's fault, 422 the rest.
private enum UploadRefusal {
    case unprocessable, tooLarge, unsupported

    func problem(_ errors: [FieldError]) -> Problem {
        let title = "The document was not stored", detail = "Nothing was stored; see errors."
        switch self {
        case .unprocessable: return Problem(.unprocessableEntity, code: "validation_failed", title: title, detail: detail, errors: errors)
        case .tooLarge: return Problem(.payloadTooLarge, code: "file_too_large", title: title, detail: detail, errors: errors)
        case .unsupported: return Problem(.unsupportedMediaType, code: "unsupported_file_type", title: title, detail: detail, errors: errors)
        }
    }
}
