import PortInCore
import Vapor

/// One field and the rule it breaks, as every problem lists them.
struct FieldError: Sendable, Hashable, Encodable {
    var field: String
    var code: String
    var message: String
    var severity: String?
    /// CSR pre-check: the losing carrier's value, where it released it.
    var onRecord: String?

    init(field: String, code: String, message: String, severity: String? = nil, onRecord: String? = nil) {
        self.field = field
        self.code = code
        self.message = message
        self.severity = severity
        self.onRecord = onRecord
    }

    init(_ problem: ValidationProblem) {
        self.init(field: problem.field, code: problem.code, message: problem.message, severity: problem.severity.rawValue)
    }
}

/// An RFC 9457 problem: thrown anywhere in a handler, rendered by `ProblemMiddleware`.
/// Messages never carry secrets: they name fields and rules, not submitted values.
struct Problem: Error, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var title: String
    var detail: String?
    var errors: [FieldError]
    var headers: HTTPHeaders

    init(_ status: HTTPResponseStatus, code: String, title: String, detail: String? = nil, errors: [FieldError] = [],
         headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    static func validation(_ errors: [FieldError], detail: String? = nil) -> Problem {
        Problem(.unprocessableEntity, code: "validation_failed", title: "The request has problems to fix",
                detail: detail ?? "\(errors.count) problem\(errors.count == 1 ? "" : "s"); each names its field and rule.",
                errors: errors)
    }

    static func field(_ field: String, code: String, message: String) -> Problem {
        validation([FieldError(field: field, code: code, message: message)])
    }

    static func notFound(_ what: String) -> Problem {
        Problem(.notFound, code: "not_found", title: "Not found", detail: "No \(what) with this id in your account.")
    }

    static var unauthorized: Problem {
        Problem(.unauthorized, code: "unauthorized", title: "Authentication required",
                detail: "Use HTTP Basic with your auth_id as user name and auth_token as password.",
                headers: ["WWW-Authenticate": #"Basic realm="PortIn""#])
    }

    static func wrongStatus(_ status: PortStatus, action: String, allowed: [PortStatus]) -> Problem {
        Problem(.conflict, code: "invalid_status", title: "Not allowed in this status",
                detail: "A request in status \(status.rawValue) cannot be \(action); allowed in "
                    + allowed.map(\.rawValue).joined(separator: " or ") + ".")
    }
}

/// The JSON body of a problem.
struct ProblemBody: Encodable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var code: String
    var errors: [FieldError]?
}

extension Problem {
    func response(instance: String?) -> Response {
        let body = ProblemBody(type: "https://portin.dev/problems/\(code)", title: title, status: Int(status.code), detail: detail,
                               instance: instance, code: code, errors: errors.isEmpty ? nil : errors)
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
        let data = (try? APIJSON.encoder.encode(body)) ?? Data(#"{"code":"internal_error"}"#.utf8)
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
