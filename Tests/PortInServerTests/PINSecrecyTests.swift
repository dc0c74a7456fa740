import Foundation
import Testing
@testable import PortInServer

@Suite("The PIN is write-only")
struct PINSecrecyTests {
    /// Both PINs are distinctive so that any copy of them, in any response, log line or column, is found.
    static let firstPIN = "P1N-7364-ZQ"
    static let secondPIN = "K7Q-5519-XW"

    /// The forms a PIN could leak in: as typed, case-folded, and as carriers compare it (letters and digits).
    static func forms(of pin: String) -> [String] {
        [pin, pin.lowercased(), String(pin.filter { $0.isLetter || $0.isNumber }), String(pin.filter { $0.isLetter || $0.isNumber }).lowercased()]
    }

    @Test("no response body, log line or database column holds a PIN, through create, update, failing and passing submits and reads",
          arguments: TestBackend.available)
    func pinNeverLeaks(backend: TestBackend) async throws {
        let capture = LogCapture()
        try await TestService.with(backend, logger: capture.logger) { service in
            let numbers = ["+13122240101", "+13122240102"]
            try service.addSubscriber(carrier: "acme-wireless", numbers: numbers, accountNumber: "AW-7781", pin: Self.secondPIN)
            let (_, auth) = try await service.makeAccount()
            let ops = try await service.makeOps()

            var body = TestService.requestFields(accountNumber: "AW-7781", btn: numbers[0], pin: Self.firstPIN)
            body["numbers"] = numbers
            let created = try await service.send(.POST, "/v1/port-requests", auth: auth, json: body, headers: [("Idempotency-Key", "create-1")])
            #expect(created.status == 201, "\(created.text)")
            let replay = try await service.send(.POST, "/v1/port-requests", auth: auth, json: body, headers: [("Idempotency-Key", "create-1")])
            #expect(replay.status == 201)
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true")
            let request = try #require((created.json["port_requests"] as? [[String: Any]])?.first)
            let id = try #require(request["id"] as? String)
            #expect(request["pin_provided"] as? Bool == true)

            // Refused inputs carrying a PIN: the problem names the field, never the value.
            var invalid = body
            invalid["notification_emails"] = ["not an email"]
            expectProblem(try await service.send(.POST, "/v1/port-requests", auth: auth, json: invalid), status: 422,
                          fields: ["notification_emails[0]"])
            expectProblem(try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth,
                                                 json: ["pin": Self.firstPIN + String(repeating: "9", count: 30)]),
                          status: 422, fields: ["pin"])

            // Submitting with the wrong PIN and no documents fails, naming the PIN field.
            let failing = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            expectProblem(failing, status: 422, code: "validation_failed")
            #expect(failing.problemFields.contains("pin"), "\(failing.text)")

            let patched = try await service.send(.PATCH, "/v1/port-requests/\(id)", auth: auth, json: ["pin": Self.secondPIN])
            #expect(patched.status == 200, "\(patched.text)")
            #expect(patched.json["pin_provided"] as? Bool == true)
            #expect(patched.json["pin"] == nil)

            let loa = try await service.upload(id, auth: auth, fields: [("kind", "loa"), ("signed_by", "Jane Roe"), ("signed_on", "2027-02-26")],
                                               file: ("loa.pdf", SampleFiles.pdf("loa")))
            #expect(loa.status == 201, "\(loa.text)")
            let invoice = try await service.upload(id, auth: auth, fields: [("kind", "invoice"), ("invoice_date", "2027-02-15")],
                                                   file: ("invoice.pdf", SampleFiles.pdf("invoice")))
            #expect(invoice.status == 201, "\(invoice.text)")
            let comment = try await service.send(.POST, "/v1/port-requests/\(id)/comments", auth: auth, json: ["body": "PIN updated."])
            #expect(comment.status == 201)

            let passing = try await service.send(.POST, "/v1/port-requests/\(id)/submit", auth: auth)
            #expect(passing.status == 200, "\(passing.text)")
            #expect(passing.json["status"] as? String == "submitted")
            #expect(passing.json["pin_provided"] as? Bool == true)

            // Everything a customer or the porting team can read.
            for path in ["/v1/port-requests", "/v1/port-requests/\(id)", "/v1/port-requests/\(id)/events", "/v1/port-requests/\(id)/comments",
                         "/v1/port-requests/\(id)/documents", "/v1/port-requests?number=\(numbers[0].replacingOccurrences(of: "+", with: "%2B"))"] {
                let read = try await service.send(.GET, path, auth: auth)
                #expect(read.status == 200, "\(path)")
            }
            for path in ["/v1/ops/port-requests", "/v1/ops/port-requests/\(id)"] {
                let read = try await service.send(.GET, path, auth: ops)
                #expect(read.status == 200, "\(path)")
                #expect(read.text.contains("pin_provided"))
            }

            let responses = service.responses
            #expect(responses.count >= 15)
            let logLines = capture.all
            // The capture is live: the store's SQL and the server's request handling were logged.
            #expect(logLines.contains { $0.contains("port_requests") })
            #expect(logLines.contains { $0.contains("POST /v1/port-requests/:id/submit") })
            let dump = try await service.runtime.textDump()
            #expect(dump.contains("AW-7781"), "the dump holds the request's other fields in clear")

            for pin in [Self.firstPIN, Self.secondPIN] {
                for form in Self.forms(of: pin) {
                    for response in responses {
                        #expect(!response.text.contains(form), "a response holds the PIN: \(response.text.prefix(300))")
                    }
                    for line in logLines where line.contains(form) {
                        Issue.record("a log line holds the PIN: \(line.prefix(500))")
                    }
                    #expect(!dump.contains(form), "the database holds the PIN in clear")
                }
            }
        }
    }
}
