import Foundation
import PortInCore
@testable import PortInServer
import PortInStore

extension TestService {
    /// A porting-team user signed in in a fresh browser (sign in again after moving the clock by
    /// more than the idle timeout).
    func signedInOps(email: String = "ops-web@portin.test") async throws -> TestBrowser {
        if try await store.users.find(email: email) == nil { try await makeOpsUser(email: email) }
        let browser = TestBrowser(self)
        let answer = try await browser.signIn(email, "correct horse battery")
        guard answer.status == 303 else { throw HarnessError("ops sign-in: \(answer.status) \(answer.text)") }
        return browser
    }

    /// The HTML of the queue table's row of `pon` (from its `<tr` to `</tr>`).
    static func queueRow(_ html: String, pon: String) -> String? {
        guard let link = html.range(of: ">\(pon)</a>"),
              let start = html.range(of: "<tr", options: .backwards, range: html.startIndex..<link.lowerBound),
              let end = html.range(of: "</tr>", range: link.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
