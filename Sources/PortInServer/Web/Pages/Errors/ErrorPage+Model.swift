import Vapor

/// A refusal shown as a page: what happened and where to go from here.
struct ErrorPage: Sendable {
    var status: Int
    var title: String
    var detail: String
    /// Where to go next.
    var links: [(path: String, label: String)]
    var chrome: PageChrome

    init(_ problem: Problem, request: Request) {
        status = Int(problem.status.code)
        var title = problem.title
        var detail = problem.detail ?? ""
        switch problem.status {
        case .notFound:
            // The same words whether the thing is someone else's or does not exist.
            title = "Page not found"
            detail = "There is nothing here, or it is not in your account. Check the link, or start from your dashboard."
        case .payloadTooLarge:
            title = "The file is too large"
            detail = "Nothing was stored. Upload a smaller file (a PDF, PNG, JPEG or TIFF)."
        case .internalServerError:
            title = "Something went wrong on our side"
            detail = "Nothing you did caused this. Try again in a moment."
        default:
            break
        }
        if problem.status == .unprocessableEntity, !problem.errors.isEmpty {
            detail += " " + problem.errors.map { $0.field + ": " + $0.message }.joined(separator: " ")
        }
        self.title = title
        self.detail = detail
        let user = request.webSession?.user
        switch user?.role {
        case .customer?: links = [("/app", "Go to your dashboard")]
        case .ops?: links = [("/ops", "Go to the ops console")]
        case nil: links = [("/login", "Sign in")]
        }
        chrome = PageChrome(title: title, request: request)
    }

    static func response(_ problem: Problem, request: Request) -> Response {
        let page = ErrorPage(problem, request: request)
        let response = HTMLPage.response(page.render(), status: problem.status)
        for (name, value) in problem.headers where name.lowercased() != "www-authenticate" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
