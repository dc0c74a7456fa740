import PortInCore
import PortInStore
import Vapor

extension Request {
    /// `limit` and `cursor`, checked.
    func pageRequest() throws -> PageRequest {
        var errors: [FieldError] = []
        let page = pageRequest(into: &errors)
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return page
    }

    /// The filters and page of a request list, every bad parameter reported at once.
    func portRequestQuery(ops: Bool) throws -> (PortRequestFilter, PageRequest) {
        var errors: [FieldError] = []
        let filter = portRequestFilter(ops: ops, into: &errors)
        let page = pageRequest(into: &errors)
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return (filter, page)
    }

    private func pageRequest(into errors: inout [FieldError]) -> PageRequest {
        var limit = 50
        if let text = query[String.self, at: "limit"] {
            if let value = Int(text), (1...200).contains(value) { limit = value } else {
                errors.append(FieldError(field: "limit", code: "out_of_range", message: "Use a whole number from 1 to 200."))
            }
        }
        let cursor = query[String.self, at: "cursor"].flatMap { $0.isEmpty ? nil : $0 }
        return PageRequest(limit: limit, cursor: cursor)
    }

    /// The `status` and `number` filters of request lists (and `pon`, `account_id` for ops).
    private func portRequestFilter(ops: Bool, into errors: inout [FieldError]) -> PortRequestFilter {
        var filter = PortRequestFilter()
        if let text = query[String.self, at: "status"], !text.isEmpty {
            if let status = PortStatus(rawValue: text) { filter.status = status } else {
                errors.append(FieldError(field: "status", code: "invalid_value",
                                         message: "Use one of: " + PortStatus.allCases.map(\.rawValue).joined(separator: ", ") + "."))
            }
        }
        if let text = query[String.self, at: "number"], !text.isEmpty {
            if let number = try? PhoneNumber.parse(text) { filter.number = number.e164 } else {
                errors.append(FieldError(field: "number", code: "invalid_number", message: "This is not a valid phone number."))
            }
        }
        if ops {
            filter.pon = query[String.self, at: "pon"].flatMap { $0.isEmpty ? nil : $0 }
            filter.accountId = query[String.self, at: "account_id"].flatMap { $0.isEmpty ? nil : $0 }
        }
        return filter
    }

    /// The path parameter `name` (always present on the routes that use it).
    func pathParameter(_ name: String) throws -> String {
        guard let value = parameters.get(name), !value.isEmpty else { throw Problem.notFound(name) }
        return value
    }
}
