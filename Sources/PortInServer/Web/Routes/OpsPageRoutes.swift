import Vapor

/// The porting team's pages. For now the landing page; the console builds here.
struct OpsPageRoutes {
    func register(on pages: any RoutesBuilder) {
        pages.get("ops", use: home)
    }

    func home(_ request: Request) async throws -> Response {
        let (user, session) = try request.opsSession()
        let page = OpsHomePage(user: user, chrome: PageChrome(title: "Ops console", user: user, csrfToken: session.csrfToken, current: "/ops"))
        return HTMLPage.response(page.render())
    }
}
