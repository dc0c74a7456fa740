import Foundation
import PortInCore
import PortInStore

/// The account's numbers, porting and active, and the applications they can be attached to.
struct NumbersPage: Sendable {
    static let shown = 200

    var porting: [AccountNumber]
    var active: [AccountNumber]
    var applications: [Application]
    var truncated: Bool
    var notice: RequestPage.Notice?
    /// Problems of an attach, for the number they concern.
    var attachErrors: [String: [String]] = [:]
    var applicationValues: [String: String] = [:]
    var applicationErrors = FormErrors()
    var chrome: PageChrome

    static func load(store: Store, session: CustomerSession) async throws -> NumbersPage {
        let accountId = session.account.id
        let numbers = try await store.reads.numbers.list(accountId: accountId, filter: AccountNumberFilter(), page: PageRequest(limit: shown))
        let applications = try await store.reads.applications.list(accountId: accountId, page: PageRequest(limit: shown))
        return NumbersPage(porting: numbers.items.filter { $0.status == .porting }, active: numbers.items.filter { $0.status == .active },
                           applications: applications.items, truncated: numbers.nextCursor != nil,
                           chrome: PageChrome(title: "Numbers", user: session.user, csrfToken: session.session.csrfToken,
                                              current: "/app/numbers"))
    }

    func applicationName(_ id: String?) -> String? {
        guard let id else { return nil }
        return applications.first { $0.id == id }?.name
    }
}
