import Foundation
import PortInCore
import PortInStore

/// The console's one search box: a PON, a phone number in any format, an account id, or part of an
/// account's name, tried in that order.
enum OpsSearch {
    struct Result: Sendable {
        var requests: [StoredPortRequest]
        var summary: String
    }

    static func run(_ text: String, store: Store, limit: Int) async throws -> Result {
        let page = PageRequest(limit: limit)
        let upper = text.uppercased()
        if upper.hasPrefix("PI"), upper.count == 12, upper.dropFirst(2).allSatisfy(\.isNumber) {
            let found = try await store.portRequests.opsList(filter: PortRequestFilter(pon: upper), page: page).items
            return Result(requests: found, summary: "PON " + upper)
        }
        if text.contains(where: \.isNumber), !text.contains(where: \.isLetter), let number = try? PhoneNumber.parse(text) {
            let found = try await store.portRequests.opsList(filter: PortRequestFilter(number: number.e164), page: page).items
            return Result(requests: found, summary: "number " + PageFormat.phone(number.e164))
        }
        if let account = try await store.accounts.find(id: text) {
            let found = try await store.portRequests.opsList(filter: PortRequestFilter(accountId: account.id), page: page).items
            return Result(requests: found, summary: "account " + account.name + " (" + account.id + ")")
        }
        let accounts = try await store.accounts.search(name: text, limit: 5)
        var found: [StoredPortRequest] = []
        for account in accounts where found.count < limit {
            found += try await store.portRequests.opsList(filter: PortRequestFilter(accountId: account.id),
                                                          page: PageRequest(limit: limit - found.count)).items
        }
        let names = accounts.map(\.name).joined(separator: ", ")
        return Result(requests: found, summary: accounts.isEmpty ? "no PON, number or account matching “\(text)”" : "accounts named like “\(text)”: " + names)
    }
}
