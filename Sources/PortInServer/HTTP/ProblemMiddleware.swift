import PortInStore
import Vapor

/// Outermost middleware: every error becomes an RFC 9457 problem (an HTML page on page routes). Unexpected errors are logged
/// with the request id and answered with a generic 500 that reveals nothing.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let redirect as PageRedirect {
            return redirect.response
        } catch {
            let problem = Self.problem(for: error, request: request)
            // Browser pages get the same refusal as an HTML page (PageRoutes.isPagePath).
            if PageRoutes.isPagePath(request.url.path) { return ErrorPage.response(problem, request: request) }
            return problem.response(instance: request.url.path)
        }
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as DecodingError:
            return Problem.validation([InputReader.fieldError(for: error)], detail: "The body is not the JSON this route takes.")
        case StoreError.invalidCursor:
            return Problem.field("cursor", code: "invalid_cursor", message: "Use the next_cursor of a previous page.")
        case StoreError.conflict(let why):
            return Problem(.conflict, code: "conflict", title: "Conflicts with stored data", detail: why)
        case let abort as any AbortError:
            return problem(for: abort)
        default:
            request.logger.error("unhandled error: \(String(reflecting: type(of: error)))")
            return Problem(.internalServerError, code: "internal_error", title: "Internal error",
                           detail: "Something went wrong on our side; the request id is in the logs.")
        }
    }

    /// Vapor's own refusals (no route, body too large, bad content type) in our shape.
    static func problem(for abort: any AbortError) -> Problem {
        switch abort.status {
        case .notFound:
            return Problem(.notFound, code: "not_found", title: "Not found", detail: "No such route or resource.")
        case .payloadTooLarge:
            return Problem(.payloadTooLarge, code: "payload_too_large", title: "Body too large",
                           detail: "The body is larger than this route accepts.")
        case .unsupportedMediaType:
            return Problem(.unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported media type",
                           detail: "Send application/json (or multipart/form-data for document uploads).")
        case .methodNotAllowed:
            return Problem(.methodNotAllowed, code: "method_not_allowed", title: "Method not allowed")
        case .unauthorized:
            return Problem.unauthorized
        default:
            let status = abort.status.code >= 500 ? HTTPResponseStatus.internalServerError : abort.status
            let code = status == .badRequest ? "bad_request" : (status.code >= 500 ? "internal_error" : "request_refused")
            return Problem(status, code: code, title: status.reasonPhrase,
                           detail: status.code >= 500 ? nil : abort.reason)
        }
    }
}
