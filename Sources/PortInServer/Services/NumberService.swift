import Foundation
import PortInCore
import PortInStore

/// The account's numbers and applications: attaching, detaching and creating, for the API and the
/// numbers page alike (both hand over the same JSON-shaped object).
struct NumberService: Sendable {
    let store: Store
    let clock: any PortInClock

    /// The number `text` names, when it is in `account` (else 404).
    func number(account: Account, text: String) async throws -> AccountNumber {
        guard let e164 = try? PhoneNumber.parse(text).e164,
              let number = try await store.numbers.find(e164: e164, accountId: account.id)
        else { throw Problem.notFound("number") }
        return number
    }

    /// Attaches the application `object.application_id` names (null detaches) to `number`.
    func attach(account: Account, number: AccountNumber, object: [String: JSONValue]) async throws -> AccountNumber {
        var reader = InputReader()
        let application = reader.string(object, "application_id", maxLength: 64)
        if application.isAbsent && !reader.errors.contains(where: { $0.field == "application_id" }) {
            reader.add("application_id", "required", "Give an application id, or null to detach.")
        }
        if let applicationId = application.value,
           try await store.applications.find(id: applicationId, accountId: account.id) == nil {
            reader.add("application_id", "not_found", "No application with this id in your account.")
        }
        guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
        guard try await store.numbers.attach(e164: number.e164, accountId: account.id, applicationId: application.value, now: clock.now()),
              let updated = try await store.numbers.find(e164: number.e164, accountId: account.id)
        else { throw Problem.notFound("number") }
        return updated
    }

    /// Creates the application in `object` (`name` required; `voice_url`, `sms_url` absolute http(s)).
    func createApplication(account: Account, object: [String: JSONValue]) async throws -> Application {
        var reader = InputReader()
        let name = reader.requiredString(object, "name", maxLength: 200)
        let voice = reader.string(object, "voice_url", maxLength: 2000).value
        let sms = reader.string(object, "sms_url", maxLength: 2000).value
        if let voice, !InputReader.isWebURL(voice) { reader.add("voice_url", "invalid_url", "Use an absolute http or https URL.") }
        if let sms, !InputReader.isWebURL(sms) { reader.add("sms_url", "invalid_url", "Use an absolute http or https URL.") }
        guard reader.errors.isEmpty, let name else { throw Problem.validation(reader.errors) }
        return try await store.applications.create(accountId: account.id, name: name, voiceURL: voice, smsURL: sms, now: clock.now())
    }
}
