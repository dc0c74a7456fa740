import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

@Suite("Numbers page")
struct NumbersPageTests {
    @Test("porting and active numbers are listed; an application is created (all problems at once) and attached, then detached",
          arguments: TestBackend.available)
    func attachApplication(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let (account, auth, browser) = try await service.signedInCustomer()
            try service.addSubscriber(numbers: ["+12175220142"])
            let request = try await service.createRequestId(auth: auth, numbers: ["+12175220142"])
            try await service.store.numbers.provision(accountId: account.id, numbers: ["+12175220142"], portRequestId: request,
                                                      focDate: CivilDate("2027-03-10"), now: service.clock.now())
            try await service.store.numbers.provision(accountId: account.id, numbers: ["+13122240150"], portRequestId: request,
                                                      focDate: nil, now: service.clock.now())
            try await service.store.numbers.activate(accountId: account.id, numbers: ["+13122240150"], now: service.clock.now())

            let page = try await browser.get("/app/numbers")
            expectPage(page, status: 200, contains: ["Porting (1)", "Active (1)", "+1 217 522 0142", "2027-03-10", "+1 312 224 0150",
                                                     "No applications yet"])

            let bad = try await browser.post("/app/applications", [("name", ""), ("voice_url", "ftp://x"), ("sms_url", "")])
            expectPage(bad, status: 422, contains: ["The application was not created"])
            #expect(try #require(PageHTML.fieldBlock(bad.text, field: "name")).contains("field-error"))
            #expect(try #require(PageHTML.fieldBlock(bad.text, field: "voice_url")).contains("Use an absolute http or https URL."))
            #expect(try await service.runtime.count("applications") == 0)

            let created = try await browser.post("/app/applications", [("name", "Main IVR"), ("voice_url", "https://ivr.acme.test/voice"),
                                                                       ("sms_url", "")])
            #expect(created.status == 303 && created.location == "/app/numbers?done=created")
            let application = try #require(try await service.store.applications.list(accountId: account.id, page: .init()).items.first)
            _ = try await browser.get("/app/numbers")
            let unknown = try await browser.post("/app/numbers/%2B12175220142/application", [("application_id", "app_nope")])
            expectPage(unknown, status: 422, contains: ["No application with this id in your account."])
            let attached = try await browser.post("/app/numbers/%2B12175220142/application", [("application_id", application.id)])
            #expect(attached.status == 303 && attached.location == "/app/numbers?done=attached")
            #expect(try await service.store.numbers.find(e164: "+12175220142", accountId: account.id)?.applicationId == application.id)
            let shown = try await browser.get("/app/numbers?done=attached")
            expectPage(shown, status: 200, contains: ["The application is attached.", "<option value=\"\(application.id)\" selected>Main IVR</option>"])
            #expect(try await browser.post("/app/numbers/%2B12175220142/application", [("application_id", "")]).status == 303)
            #expect(try await service.store.numbers.find(e164: "+12175220142", accountId: account.id)?.applicationId == nil)
            expectPage(try await browser.post("/app/numbers/%2B19999999999/application", [("application_id", "")]), status: 404)
        }
    }
}
