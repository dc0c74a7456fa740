import Foundation
import PortInCore
import PortInStore

/// The bodies of the porting team's actions, read whole: every problem is reported at once.
enum OpsActionInput {
    /// `{"body": "...", "visibility": "customer" | "internal"}`.
    static func comment(_ object: [String: JSONValue]) throws -> (body: String, visibility: CommentVisibility) {
        var reader = InputReader()
        let body = reader.requiredString(object, "body", maxLength: 10_000)
        let visibility = reader.enumeration(object, "visibility", as: CommentVisibility.self).value
        if visibility == nil && !reader.errors.contains(where: { $0.field == "visibility" }) {
            reader.add("visibility", "required", "Say who may read it: customer or internal.")
        }
        guard reader.errors.isEmpty, let body, let visibility else { throw Problem.validation(reader.errors) }
        return (body, visibility)
    }

    /// `{"documents": [{"kind": "loa", "code": "loa_illegible_or_unsigned", "note": "..."}], "message": "..."}`.
    static func documentRequest(_ object: [String: JSONValue]) throws -> (items: [DocumentRequestItem], message: String) {
        var reader = InputReader()
        var items: [DocumentRequestItem] = []
        switch object["documents"] {
        case nil, .null?:
            reader.add("documents", "required", "Name at least one document.")
        case .array(let entries)?:
            if entries.isEmpty { reader.add("documents", "too_few", "Name at least one document.") }
            if entries.count > 10 { reader.add("documents", "too_many", "At most 10 documents at once.") }
            for (index, entry) in entries.prefix(10).enumerated() {
                let path = "documents[\(index)]"
                guard case .object(let fields) = entry else {
                    reader.add(path, "invalid_type", "Expected an object, got \(entry.typeName).")
                    continue
                }
                let kind = reader.enumeration(fields, "kind", as: DocumentKind.self, at: path)
                let code = reader.enumeration(fields, "code", as: RejectionCode.self, at: path)
                let note = reader.string(fields, "note", at: path, maxLength: 500).value
                guard case .value(let kind) = kind else {
                    if !reader.errors.contains(where: { $0.field == path + ".kind" }) {
                        reader.add(path + ".kind", "required", "Say which document: loa, invoice, csr or other.")
                    }
                    continue
                }
                let allowed = DocumentRequestItem.codes(for: kind)
                var chosen = RejectionCode.documentMissing
                if case .value(let given) = code {
                    if allowed.contains(given) {
                        chosen = given
                    } else {
                        reader.add(path + ".code", "not_about_document",
                                   "For a \(kind.rawValue) use one of: " + allowed.map(\.rawValue).joined(separator: ", ") + ".")
                    }
                }
                items.append(DocumentRequestItem(kind: kind, code: chosen, note: note))
            }
        case let other?:
            reader.add("documents", "invalid_type", "Expected an array of objects, got \(other.typeName).")
        }
        let message = reader.requiredString(object, "message", maxLength: 2000)
        guard reader.errors.isEmpty, let message else { throw Problem.validation(reader.errors) }
        return (items, message)
    }

    /// `{"reasons": [{"code": "zip_mismatch", "field": "service_address.postal_code", "note": "..."}], "message": "..."}`:
    /// one or more catalog codes, each with an optional field path (default: the catalog's) and note.
    static func rejection(_ object: [String: JSONValue]) throws -> (reasons: [Rejection], message: String) {
        var reader = InputReader()
        var reasons: [Rejection] = []
        switch object["reasons"] {
        case nil, .null?:
            reader.add("reasons", "required", "Choose at least one rejection code.")
        case .array(let entries)?:
            if entries.isEmpty { reader.add("reasons", "too_few", "Choose at least one rejection code.") }
            if entries.count > 10 { reader.add("reasons", "too_many", "At most 10 reasons at once.") }
            for (index, entry) in entries.prefix(10).enumerated() {
                let path = "reasons[\(index)]"
                guard case .object(let fields) = entry else {
                    reader.add(path, "invalid_type", "Expected an object, got \(entry.typeName).")
                    continue
                }
                let code = reader.enumeration(fields, "code", as: RejectionCode.self, at: path)
                let field = reader.string(fields, "field", at: path, maxLength: 100).value
                let note = reader.string(fields, "note", at: path, maxLength: 500).value
                if let field, !field.isEmpty, !field.allSatisfy({ $0.isLetter || $0.isNumber || "._[]".contains($0) }) {
                    reader.add(path + ".field", "invalid_value", "A field path such as service_address.postal_code.")
                }
                guard case .value(let code) = code else {
                    if !reader.errors.contains(where: { $0.field == path + ".code" }) {
                        reader.add(path + ".code", "required", "Choose a rejection code from the catalog.")
                    }
                    continue
                }
                reasons.append(Rejection(code: code, message: note.flatMap { $0.isEmpty ? nil : $0 },
                                         field: field.flatMap { $0.isEmpty ? nil : $0 }))
            }
        case let other?:
            reader.add("reasons", "invalid_type", "Expected an array of objects, got \(other.typeName).")
        }
        let message = reader.requiredString(object, "message", maxLength: 2000)
        guard reader.errors.isEmpty, let message else { throw Problem.validation(reader.errors) }
        return (reasons, message)
    }

    /// `{"to": "<status>", "reason": "...", "foc_date": "YYYY-MM-DD"}`; the FOC date goes with
    /// `foc_confirmed` only, and must be a business day from `today` on.
    static func move(_ object: [String: JSONValue], today: CivilDate, calendar: BusinessCalendar) throws
        -> (to: PortStatus, reason: String, focDate: CivilDate?) {
        var reader = InputReader()
        let target = reader.enumeration(object, "to", as: PortStatus.self)
        if !reader.errors.contains(where: { $0.field == "to" }), target.value == nil {
            reader.add("to", "required", "Name the status to move to.")
        }
        let reason = reader.requiredString(object, "reason", maxLength: 2000)
        let focDate = reader.date(object, "foc_date").value
        if target.value == .focConfirmed {
            if let focDate {
                if focDate < today {
                    reader.add("foc_date", "in_past", "The port date cannot be before today.")
                } else if !calendar.isBusinessDay(focDate) {
                    reader.add("foc_date", "not_business_day", "The port date must be a business day.")
                }
            } else if !reader.errors.contains(where: { $0.field == "foc_date" }) {
                reader.add("foc_date", "required", "Moving to foc_confirmed needs the port date.")
            }
        } else if focDate != nil {
            reader.add("foc_date", "only_with_foc_confirmed", "A port date goes only with a move to foc_confirmed.")
        }
        guard reader.errors.isEmpty, let to = target.value, let reason else { throw Problem.validation(reader.errors) }
        return (to, reason, focDate)
    }
}
