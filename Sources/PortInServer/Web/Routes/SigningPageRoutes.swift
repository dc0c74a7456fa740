import Foundation
import PortInStore
import Vapor

/// `/sign/<token>`: the authorized person signs a request's LOA from the emailed link, without an
/// account. The token is the only credential (only its SHA-256 is stored; it expires and works
/// once); the page has an anonymous session of its own for the form's CSRF token, as the sign-in
/// page does. Logs name the route pattern, never the token.
struct SigningPageRoutes {
    let context: APIContext

    func register(on pages: any RoutesBuilder) {
        let links = pages.grouped("sign")
        links.get(":token", use: page)
        links.get(":token", "loa", use: preview)
        links.on(.POST, ":token", body: .collect(maxSize: "1mb"), use: sign)
    }

    private func signPage(_ request: StoredPortRequest, token: String, csrfToken: String) -> SignPage {
        var chrome = PageChrome(title: "Sign the LOA", csrfToken: csrfToken)
        chrome.scripts = [SignForm.script]
        return SignPage(chrome: chrome, request: request, previewURL: "/sign/" + token + "/loa", action: "/sign/" + token, back: nil,
                        values: ["title": request.draft.authorizedPerson?.title ?? ""])
    }

    func page(_ request: Request) async throws -> Response {
        let token = try request.pathParameter("token")
        let (_, portRequest) = try await context.loaSigning.link(token: token)
        try await context.loaSigning.requireSignable(portRequest)
        if let active = request.webSession {
            return HTMLPage.response(signPage(portRequest, token: token, csrfToken: active.csrfToken).render())
        }
        let started = try await context.sessions.start(userId: nil)
        let response = HTMLPage.response(signPage(portRequest, token: token, csrfToken: started.session.csrfToken).render())
        response.cookies[WebSessionService.cookieName] = context.sessions.cookie(started.token)
        return response
    }

    func preview(_ request: Request) async throws -> Response {
        let (_, portRequest) = try await context.loaSigning.link(token: try request.pathParameter("token"))
        return try WizardPageRoutes.pdf(try await context.loaSigning.render(portRequest, at: context.clock.now()).bytes,
                                        name: "LOA-\(portRequest.pon).pdf")
    }

    func sign(_ request: Request) async throws -> Response {
        let token = try request.pathParameter("token")
        let (link, portRequest) = try await context.loaSigning.link(token: token)
        let form = FormBody.fields(request)
        do {
            _ = try await context.loaSigning.sign(portRequest, input: SignForm.input(form), email: link.email,
                                                  signer: WizardPageRoutes.signer(request, via: "link"), link: link)
            return HTMLPage.response(SignedThanksPage(chrome: PageChrome(title: "Signed"), pon: portRequest.pon).render())
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            var again = signPage(portRequest, token: token, csrfToken: request.webSession?.csrfToken ?? "")
            again.values = ["typed_name": form["typed_name"] ?? "", "title": form["title"] ?? ""]
            again.errors = FormErrors(problem.errors)
            again.notice = RequestPage.Notice(ok: false, title: "Not signed", text: "Fix the problems shown in the form.")
            return HTMLPage.response(again.render(), status: problem.status)
        }
    }
}
