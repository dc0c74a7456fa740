import Foundation
import PortInCore
import PortInStore

extension PortRequestService {
    /// A correction as `PATCH /v1/port-requests/{id}` and the request page's form both send it: 404,
    /// then 409 past correction, before any problem of the body (`read` is called only then); every
    /// problem of the fields at once, and nothing saved unless all are fine.
    func correct(account: Account, id: String, read: () throws -> [String: JSONValue]) async throws -> StoredPortRequest {
        // Another account's id says nothing about its request, and a request past correction stays
        // so whatever the body.
        guard let current = try await store.portRequests.find(id: id, accountId: account.id) else {
            throw Problem.notFound("port request")
        }
        guard Self.editable.contains(current.status) else {
            throw Problem.wrongStatus(current.status, action: "changed", allowed: Self.editable)
        }
        let object = try read()
        var reader = InputReader()
        let fields = PortRequestFieldsInput.read(object, into: &reader)
        let add = reader.strings(object, "add_numbers", maxCount: limits.maxNumbersPerRequest).value ?? []
        let remove = reader.strings(object, "remove_numbers", maxCount: limits.maxNumbersPerRequest).value ?? []
        guard reader.errors.isEmpty else { throw Problem.validation(reader.errors) }
        return try await update(account: account, current: current, fields: fields, add: add, remove: remove)
    }
}
