import Vapor

/// A rendered page as an HTTP response, with the headers every page carries: no caching of
/// personal data, no framing, and a content security policy that allows only our own files.
enum HTMLPage {
    static let securityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static func response(_ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: securityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return Response(status: status, headers: headers, body: .init(string: html.rendered))
    }

    /// 303 to `location` (after a form: the browser then GETs the result, and reload does not resend).
    static func redirect(_ location: String) -> Response { PageRedirect(location: location).response }
}
