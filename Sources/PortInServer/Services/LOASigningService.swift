import Crypto
import Foundation
import PortInCore
import PortInDocuments
import PortInStore

/// What a signer sends: typed name, title, the drawn signature (`canvas.toDataURL()`) and the
/// consent box.
struct LOASignInput: Sendable {
    var typedName: String
    var title: String
    var signatureDataURL: String
    var consent: Bool
}

/// Who signed, as the evidence page records it (taken from the HTTP request, not the form).
struct SignerContext: Sendable {
    var ipAddress: String
    var userAgent: String
    /// `browser` (the customer's signed-in user) or `link` (a signing link).
    var via: String
}

/// The LOA of a port request: rendered pre-filled from the request by `LOARenderer`, signed with
/// `LOASigner` and stored as the request's `loa` document, final once signed (`signed_loas`).
/// Signing links let the authorized person sign without an account.
struct LOASigningService: Sendable {
    let store: Store
    let files: DocumentFileStore
    let clock: any PortInClock
    var calendar: BusinessCalendar = .usFederal
    var respOrgID: String = RespOrg.defaultID

    /// The exact wording the signer agrees to; it is printed on the evidence page.
    static let consentText = "I am authorized to act for the subscriber named in this Letter of Authorization. I have read it, "
        + "I agree to sign it electronically, and I intend my typed name and drawn signature to be my signature, with the same "
        + "effect as a handwritten one."
    /// The provider the subscriber designates.
    static let newProvider = "PortIn"
    /// How long an emailed signing link works.
    static let linkLifetime: TimeInterval = 7 * 24 * 3600

    /// The LOA form of `request`: a toll-free LOA names our RespOrg (`PORTIN_RESP_ORG_ID`), as the
    /// order does; an international one uses the template ops stored for its country, else the default.
    func form(for request: StoredPortRequest) async throws -> LOAForm {
        try await LOATemplateService(store: store).form(for: request, respOrgID: respOrgID)
    }

    /// The LOA's content from the request. Missing parts go in empty, so the renderer reports every
    /// one at once by its field.
    static func content(_ request: StoredPortRequest, date: CivilDate) -> LOAContent {
        let draft = request.draft
        let subscriber = draft.subscriberType == .business
            ? (draft.businessName ?? "")
            : [draft.firstName, draft.lastName].compactMap { $0 }.joined(separator: " ")
        let address = draft.serviceAddress ?? ServiceAddress(houseNumber: "", street: "", city: "", state: "", postalCode: "",
                                                             country: draft.country)
        return LOAContent(requestID: request.id, pon: request.pon, subscriberName: subscriber,
                          authorizedPerson: draft.authorizedPerson ?? AuthorizedPerson(name: ""), serviceAddress: address,
                          currentCarrier: request.losingCarrier?.name ?? "", accountNumber: draft.accountNumber, btn: draft.btn,
                          newProvider: newProvider, date: date, numbers: request.numbers.compactMap { try? PhoneNumber.parse($0.e164) },
                          extraFields: draft.loaFields)
    }

    /// The renderer's field names as the details form (and the API's `loa_fields`) names them.
    static func formField(_ field: String, subscriberType: SubscriberType) -> String {
        if field.hasPrefix("extra_fields.") { return "loa_fields." + field.dropFirst("extra_fields.".count) }
        return switch field {
        case "subscriber_name": subscriberType == .business ? "business_name" : "last_name"
        case "current_carrier": "numbers"
        default: field
        }
    }

    /// The unsigned LOA as of `at`; a 422 naming every missing detail when it cannot be made.
    func render(_ request: StoredPortRequest, at: Date) async throws -> RenderedLOA {
        let content = Self.content(request, date: calendar.localDate(of: at))
        let form = try await form(for: request)
        do {
            return try LOARenderer.render(content, form: form, createdAt: at)
        } catch .invalid(let problems) {
            throw Problem.validation(problems.map {
                FieldError(field: Self.formField($0.field, subscriberType: request.draft.subscriberType), code: $0.code, message: $0.message)
            }, detail: "Complete the request's details before its LOA can be made.")
        } catch {
            throw Problem(.internalServerError, code: "loa_failed", title: "The LOA could not be made", detail: error.description)
        }
    }

    /// Refuses a request whose LOA cannot be signed now: not editable, or signed already (409).
    func requireSignable(_ request: StoredPortRequest) async throws {
        guard PortRequestService.editable.contains(request.status) else {
            throw Problem.wrongStatus(request.status, action: "signed", allowed: PortRequestService.editable)
        }
        if try await store.loaSigning.signed(requestId: request.id, accountId: request.accountId) != nil {
            throw Self.alreadySigned
        }
    }

    static let alreadySigned = Problem(.conflict, code: "loa_signed", title: "The LOA is already signed",
                                       detail: "A signed LOA is final: it cannot be signed again, replaced or removed.")

    /// Signs the request's LOA and stores it as its `loa` document; every problem of the input at
    /// once (422), nothing stored on any refusal. With `link`, the link is used up in the same transaction.
    func sign(_ request: StoredPortRequest, input: LOASignInput, email: String, signer: SignerContext,
              link: LOASigningLink? = nil) async throws -> Document {
        try await requireSignable(request)
        let now = clock.now()
        let today = calendar.localDate(of: now)
        var errors: [FieldError] = []
        let typedName = input.typedName.trimmingCharacters(in: .whitespacesAndNewlines)
        if typedName.isEmpty {
            errors.append(FieldError(field: "typed_name", code: "required", message: "Type your full name."))
        } else {
            // The submit rule (the authorized person signs), checked now: a signed LOA cannot be replaced.
            var draft = request.draft
            draft.documents = [DocumentFacts(kind: .loa, signedBy: typedName, signedOn: today)]
            let mismatch = PortRequestValidator.validate(draft, context: ValidationContext(now: now)).problems
                .filter { $0.field == "documents.loa" && $0.severity == .error }
            errors += mismatch.map { FieldError(field: "typed_name", code: $0.code, message: $0.message) }
        }
        if !input.consent {
            errors.append(FieldError(field: "consent", code: "required", message: "Tick the box to agree to sign electronically."))
        }
        var image: SignatureImage?
        if input.signatureDataURL.isEmpty {
            errors.append(FieldError(field: "signature", code: "required", message: "Draw your signature in the box (or adopt your typed name)."))
        } else {
            do {
                image = try SignatureImage.decodePNG(dataURL: input.signatureDataURL)
            } catch {
                errors.append(FieldError(field: "signature", code: "invalid_signature", message: "The signature image was refused: \(error.description)."))
            }
        }
        let unsigned = try await render(request, at: now)
        guard errors.isEmpty, let image else { throw Problem.validation(errors, detail: "Nothing was signed; see errors.") }
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let signature = LOASignature(typedName: typedName, title: title.isEmpty ? nil : title, email: email, signedAt: now,
                                     ipAddress: signer.ipAddress, userAgent: signer.userAgent, consentText: Self.consentText, image: image)
        let signed: SignedLOA
        do {
            signed = try LOASigner.sign(unsigned, with: signature)
        } catch .invalid(let problems) {
            throw Problem.validation(problems.map { FieldError(field: String($0.field.split(separator: ".").last ?? "signature"),
                                                               code: $0.code, message: $0.message) })
        } catch {
            throw Problem(.internalServerError, code: "loa_failed", title: "The LOA could not be signed", detail: error.description)
        }
        let data = Data(signed.bytes)
        let sha256 = try files.put(data)
        let document = Document(id: StoreID.make("doc", at: now), requestId: request.id, accountId: request.accountId, kind: .loa,
                                contentType: "application/pdf", size: data.count, sha256: sha256, fileName: "LOA-\(request.pon)-signed.pdf",
                                signedBy: typedName, signedOn: today, createdAt: now)
        let mark = SignedLOARecord(requestId: request.id, accountId: request.accountId, documentId: document.id, signedSHA256: sha256,
                                   unsignedSHA256: signed.unsignedSHA256, signerName: typedName, signerEmail: email, via: signer.via,
                                   signedAt: now)
        do {
            try await store.transaction { tx in
                if let link, !(try await tx.loaSigning.useLink(id: link.id, now: now)) { throw Self.linkUsed }
                try await tx.loaSigning.recordSigned(mark)
                try await tx.documents.add(document)
                _ = try await tx.events.append(NewEvent(requestId: request.id, accountId: request.accountId, type: "document_added",
                                                        actor: .customer(request.accountId), reason: "loa", at: now))
            }
        } catch StoreError.conflict {
            throw Self.alreadySigned
        }
        return document
    }

    // MARK: Signing links

    static let linkUnknown = Problem(.notFound, code: "signing_link_unknown", title: "This signing link is not valid",
                                     detail: "Check you opened the whole link from the email, or ask for a new one.")
    static let linkUsed = Problem(.gone, code: "signing_link_used", title: "This signing link was already used",
                                  detail: "Each link signs once. Ask the sender for a new one if the LOA still needs signing.")
    static let linkExpired = Problem(.gone, code: "signing_link_expired", title: "This signing link has expired",
                                     detail: "Links work for 7 days. Ask the sender for a new one.")

    static func tokenHash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    /// Creates a link for the request's authorized person and queues its email in the same
    /// transaction; returns the address. The token exists in clear only in the sent email.
    func sendLink(_ request: StoredPortRequest, baseURL: String) async throws -> String {
        try await requireSignable(request)
        guard let email = request.draft.authorizedPerson?.email, !email.isEmpty else {
            throw Problem.field("authorized_person.email", code: "required",
                                message: "Add the authorized person's email in the details first: the link goes there.")
        }
        let now = clock.now()
        _ = try await render(request, at: now)
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let link = LOASigningLink(id: StoreID.make("lnk", at: now), tokenHash: Self.tokenHash(token), requestId: request.id,
                                  accountId: request.accountId, email: email, createdAt: now, expiresAt: now.addingTimeInterval(Self.linkLifetime))
        let message = SigningLinkEmail(requestId: request.id, pon: request.pon, signerName: request.draft.authorizedPerson?.name ?? "",
                                       sealedURL: try store.sealSecret(baseURL + "/sign/" + token), expiresAt: link.expiresAt, numbers: request.numbers.map(\.e164),
                                       losingCarrier: request.losingCarrier?.name, at: now)
        try await store.transaction { tx in
            try await tx.loaSigning.createLink(link)
            try await tx.enqueueSigningLink(message, to: [email])
        }
        return email
    }

    /// The live link of `token` and its request: 404 unknown, 410 used or expired.
    func link(token: String) async throws -> (LOASigningLink, StoredPortRequest) {
        guard token.count <= 100, let link = try await store.loaSigning.findLink(tokenHash: Self.tokenHash(token)),
              let request = try await store.portRequests.find(id: link.requestId, accountId: link.accountId) else {
            throw Self.linkUnknown
        }
        if link.usedAt != nil { throw Self.linkUsed }
        if clock.now() >= link.expiresAt { throw Self.linkExpired }
        return (link, request)
    }
}
