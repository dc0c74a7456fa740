import Foundation
import Testing
@testable import PortInServer

@Suite("Documents")
struct DocumentRoutesTests {
    static let numbers = ["+12175220142", "+12175220143"]

    /// A service with one standard account and one draft request.
    static func withRequest(_ backend: TestBackend, limits: ServiceLimits = ServiceLimits(),
                            _ body: (TestService, Credentials, String) async throws -> Void) async throws {
        try await TestService.with(backend, limits: limits) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: numbers)
            let id = try await service.createRequestId(auth: auth, numbers: numbers)
            try await body(service, auth, id)
        }
    }

    @Test("PDF, PNG, JPEG and TIFF are recognised by content whatever the file is called", arguments: TestBackend.available)
    func recognisedByContent(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let cases: [(filename: String, data: Data, type: String)] = [
                ("photo.png", SampleFiles.pdf(), "application/pdf"),
                ("letter.pdf", SampleFiles.png(), "image/png"),
                ("scan.tiff", SampleFiles.jpeg(), "image/jpeg"),
                ("image.jpg", SampleFiles.tiff(), "image/tiff"),
                ("noextension", SampleFiles.tiff("motorola", bigEndian: true), "image/tiff"),
            ]
            for item in cases {
                service.clock.advance(by: 1)
                let response = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: (item.filename, item.data))
                #expect(response.status == 201, "\(item.filename): \(response.text)")
                #expect(response.json["content_type"] as? String == item.type, "\(item.filename)")
                #expect(response.json["file_name"] as? String == item.filename)
                #expect(response.json["size"] as? Int == item.data.count)
                #expect(response.json["kind"] as? String == "other")

                let documentId = try #require(response.json["id"] as? String)
                let download = try await service.send(.GET, "/v1/port-requests/\(id)/documents/\(documentId)", auth: auth)
                #expect(download.status == 200)
                #expect(download.body == item.data, "\(item.filename): the exact bytes come back")
                #expect(download.contentType == item.type)
                #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            let list = try await service.send(.GET, "/v1/port-requests/\(id)/documents", auth: auth)
            #expect(list.status == 200)
            let listed = list.json["data"] as? [[String: Any]] ?? []
            #expect(listed.compactMap { $0["content_type"] as? String } == cases.map { $0.type })
            #expect(try await service.runtime.count("documents") == cases.count)
        }
    }

    @Test("the SHA-256 names the file on disk; identical bytes share one file but are two documents", arguments: TestBackend.available)
    func storedBySHA256(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let bytes = Data("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".utf8)
            let known = "5007e7f5b230ed74114771d8388d1223e3c38ed0411e1c70f38a5c1329200611"
            let first = try await service.upload(id, auth: auth, fields: [("kind", "loa"), ("signed_by", "Jane Roe"),
                                                                        ("signed_on", "2027-02-26")], file: ("loa.pdf", bytes))
            service.clock.advance(by: 1)
            let second = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: ("copy.pdf", bytes))
            #expect(first.status == 201, "\(first.text)")
            #expect(second.status == 201, "\(second.text)")
            #expect(first.json["sha256"] as? String == known)
            #expect(second.json["sha256"] as? String == known)
            #expect(first.json["signed_by"] as? String == "Jane Roe")
            #expect(first.json["signed_on"] as? String == "2027-02-26")
            let ids = [first, second].compactMap { $0.json["id"] as? String }
            #expect(Set(ids).count == 2)

            #expect(service.storedDocumentFiles() == ["50/\(known)"])
            let onDisk = try Data(contentsOf: service.documentsDirectory.appendingPathComponent("50/\(known)"))
            #expect(onDisk == bytes)
            #expect(try await service.runtime.count("documents") == 2)

            let detail = try await service.send(.GET, "/v1/port-requests/\(id)", auth: auth)
            let documents = detail.json["documents"] as? [[String: Any]] ?? []
            #expect(documents.compactMap { $0["id"] as? String } == ids)
            for documentId in ids {
                let download = try await service.send(.GET, "/v1/port-requests/\(id)/documents/\(documentId)", auth: auth)
                #expect(download.body == bytes)
            }
        }
    }

    @Test("executables and text are refused with 415 naming the file, and nothing is stored", arguments: TestBackend.available)
    func refusesOtherContent(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let cases: [(filename: String, data: Data)] = [
                ("invoice.pdf", SampleFiles.elf),
                ("loa.pdf", SampleFiles.windowsExecutable),
                ("invoice.pdf", SampleFiles.plainText),
                ("scan.png", Data("%PDF".utf8)),
            ]
            for item in cases {
                let response = try await service.upload(id, auth: auth, fields: [("kind", "invoice"), ("invoice_date", "2027-02-15")],
                                                        file: (item.filename, item.data))
                expectProblem(response, status: 415, code: "unsupported_file_type", fields: ["file"])
            }
            #expect(try await service.runtime.count("documents") == 0)
            #expect(service.storedDocumentFiles().isEmpty)
            let events = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            #expect(!events.text.contains("document_added"))
        }
    }

    @Test("a file over the upload limit is 413 naming the file and nothing is stored; one at the limit is taken",
          arguments: TestBackend.available)
    func uploadLimit(backend: TestBackend) async throws {
        try await Self.withRequest(backend, limits: ServiceLimits(maxUploadBytes: 2_000)) { service, auth, id in
            let big = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: ("big.pdf", SampleFiles.pdf(size: 3_000)))
            expectProblem(big, status: 413, code: "file_too_large", fields: ["file"])
            #expect(try await service.runtime.count("documents") == 0)
            #expect(service.storedDocumentFiles().isEmpty)

            // Far over the limit the server stops reading the body; still a 413 problem and nothing stored.
            let huge = try await service.upload(id, auth: auth, fields: [("kind", "other")],
                                                file: ("huge.pdf", SampleFiles.pdf(size: 200_000)))
            expectProblem(huge, status: 413)
            #expect(try await service.runtime.count("documents") == 0)
            #expect(service.storedDocumentFiles().isEmpty)

            let fits = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: ("fits.pdf", SampleFiles.pdf(size: 2_000)))
            #expect(fits.status == 201, "\(fits.text)")
            #expect(fits.json["size"] as? Int == 2_000)
            #expect(service.storedDocumentFiles().count == 1)
        }
    }

    @Test("an invoice needs its date, the kind must be known, and every problem comes back at once", arguments: TestBackend.available)
    func formProblems(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let undated = try await service.upload(id, auth: auth, fields: [("kind", "invoice")], file: ("invoice.pdf", SampleFiles.pdf()))
            expectProblem(undated, status: 422, code: "validation_failed", fields: ["invoice_date"])

            let badDate = try await service.upload(id, auth: auth, fields: [("kind", "invoice"), ("invoice_date", "2027-02-30")],
                                                   file: ("invoice.pdf", SampleFiles.pdf()))
            expectProblem(badDate, status: 422, code: "validation_failed", fields: ["invoice_date"])

            let badKind = try await service.upload(id, auth: auth, fields: [("kind", "passport")], file: ("id.pdf", SampleFiles.pdf()))
            expectProblem(badKind, status: 422, code: "validation_failed", fields: ["kind"])

            let several = try await service.upload(id, auth: auth, fields: [("kind", "receipt"), ("signed_on", "yesterday")], file: nil)
            expectProblem(several, status: 422, code: "validation_failed", fields: ["kind", "signed_on", "file"])

            let missingKind = try await service.upload(id, auth: auth, fields: [], file: ("empty.pdf", Data()))
            expectProblem(missingKind, status: 422, code: "validation_failed", fields: ["kind", "file"])

            let json = try await service.send(.POST, "/v1/port-requests/\(id)/documents", auth: auth, json: ["kind": "loa"])
            expectProblem(json, status: 415, code: "multipart_required")

            #expect(try await service.runtime.count("documents") == 0)
            #expect(service.storedDocumentFiles().isEmpty)

            let dated = try await service.upload(id, auth: auth, fields: [("kind", "invoice"), ("invoice_date", "2027-02-15")],
                                                 file: ("invoice.pdf", SampleFiles.pdf()))
            #expect(dated.status == 201, "\(dated.text)")
            #expect(dated.json["invoice_date"] as? String == "2027-02-15")
        }
    }

    @Test("uploading adds a document_added event; file names are cut to their last component", arguments: TestBackend.available)
    func eventAndFileName(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let response = try await service.upload(id, auth: auth, fields: [("kind", "csr")],
                                                    file: ("../../etc/evil.pdf", SampleFiles.pdf("csr")))
            #expect(response.status == 201, "\(response.text)")
            #expect(response.json["file_name"] as? String == "evil.pdf")
            let documentId = try #require(response.json["id"] as? String)
            let download = try await service.send(.GET, "/v1/port-requests/\(id)/documents/\(documentId)", auth: auth)
            #expect(download.headers.first(name: "Content-Disposition") == "inline; filename=\"evil.pdf\"")
            #expect(service.storedDocumentFiles().count == 1)

            let events = try await service.send(.GET, "/v1/port-requests/\(id)/events", auth: auth)
            let added = (events.json["data"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "document_added" }
            #expect(added.count == 1)
            #expect(added.first?["reason"] as? String == "csr")
            #expect(added.first?["actor"] as? String == "customer")
        }
    }

    @Test("a document is found only under its own request; unknown ids are 404", arguments: TestBackend.available)
    func downloadScope(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220142"])
            try service.addSubscriber(numbers: ["+12175220150"], accountNumber: "GT-552202")
            let first = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            let second = try await service.createRequestId(auth: auth, numbers: ["+12175220150"])
            let uploaded = try await service.upload(first, auth: auth, fields: [("kind", "other")], file: ("a.png", SampleFiles.png()))
            let documentId = try #require(uploaded.json["id"] as? String)

            let elsewhere = try await service.send(.GET, "/v1/port-requests/\(second)/documents/\(documentId)", auth: auth)
            expectProblem(elsewhere, status: 404, code: "not_found")
            let unknown = try await service.send(.GET, "/v1/port-requests/\(first)/documents/doc_unknown", auth: auth)
            expectProblem(unknown, status: 404, code: "not_found")
            let noRequest = try await service.send(.GET, "/v1/port-requests/pr_unknown/documents", auth: auth)
            expectProblem(noRequest, status: 404, code: "not_found")
            let uploadNoRequest = try await service.upload("pr_unknown", auth: auth, fields: [("kind", "other")],
                                                           file: ("a.png", SampleFiles.png()))
            expectProblem(uploadNoRequest, status: 404, code: "not_found")
            let secondList = try await service.send(.GET, "/v1/port-requests/\(second)/documents", auth: auth)
            #expect((secondList.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a cancelled request takes no more documents", arguments: TestBackend.available)
    func closedRequest(backend: TestBackend) async throws {
        try await Self.withRequest(backend) { service, auth, id in
            let cancelled = try await service.send(.POST, "/v1/port-requests/\(id)/cancel", auth: auth)
            #expect(cancelled.status == 200, "\(cancelled.text)")
            let response = try await service.upload(id, auth: auth, fields: [("kind", "other")], file: ("a.pdf", SampleFiles.pdf()))
            expectProblem(response, status: 409, code: "invalid_status")
            #expect(service.storedDocumentFiles().isEmpty)
        }
    }
}
