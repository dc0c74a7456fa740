import FluentKit
import Foundation
import PortInCore
import SQLKit

struct ApplicationRow: Codable, Sendable {
    var id: String
    var accountId: String
    var name: String
    var voiceUrl: String?
    var smsUrl: String?
    var createdAt: Date

    var record: Application {
        Application(id: id, accountId: accountId, name: name, voiceURL: voiceUrl, smsURL: smsUrl, createdAt: createdAt)
    }
}

struct SQLApplicationRepository: ApplicationRepository {
    let context: SQLStoreContext

    func create(accountId: String, name: String, voiceURL: String?, smsURL: String?, now: Date) async throws -> Application {
        let row = ApplicationRow(id: StoreID.make("app", at: now), accountId: accountId, name: name, voiceUrl: voiceURL,
                                 smsUrl: smsURL, createdAt: now.storeRounded)
        try await context.sql.insert(into: "applications").model(row, with: rowEncoder).run()
        return row.record
    }

    func find(id: String, accountId: String) async throws -> Application? {
        try await context.sql.select().column("*").from("applications").where("id", .equal, id)
            .where("account_id", .equal, accountId).first(decoding: ApplicationRow.self, with: rowDecoder)?.record
    }

    func list(accountId: String, page: PageRequest) async throws -> Page<Application> {
        let rows = try await context.sql.select().column("*").from("applications").where("account_id", .equal, accountId)
            .page(after: page.cursor, limit: page.limit).all(decoding: ApplicationRow.self, with: rowDecoder).map(\.record)
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.id) }
    }
}

struct AccountNumberRow: Codable, Sendable {
    var e164: String
    var accountId: String
    var status: String
    var applicationId: String?
    var portRequestId: String?
    var focDate: String?
    var createdAt: Date
    var updatedAt: Date

    var record: AccountNumber {
        AccountNumber(accountId: accountId, e164: e164, status: AccountNumberStatus(rawValue: status) ?? .porting,
                      applicationId: applicationId, portRequestId: portRequestId, focDate: focDate.flatMap(CivilDate.init),
                      createdAt: createdAt, updatedAt: updatedAt)
    }
}

struct SQLAccountNumberRepository: AccountNumberRepository {
    let context: SQLStoreContext

    func provision(accountId: String, numbers: [String], portRequestId: String, focDate: CivilDate?, now: Date) async throws {
        let stamp = now.storeRounded
        for number in numbers {
            // Re-provisioning the same request's number (a retried job) refreshes it; another
            // account's number is left alone and reported by the constraint.
            let updated = try await context.sql.update("account_numbers")
                .set("foc_date", to: focDate?.description)
                .set("updated_at", to: stamp)
                .where("e164", .equal, number).where("account_id", .equal, accountId)
                .where("port_request_id", .equal, portRequestId)
                .returning("e164").all()
            guard updated.isEmpty else { continue }
            let row = AccountNumberRow(e164: number, accountId: accountId, status: AccountNumberStatus.porting.rawValue,
                                       applicationId: nil, portRequestId: portRequestId, focDate: focDate?.description,
                                       createdAt: stamp, updatedAt: stamp)
            do {
                try await context.sql.insert(into: "account_numbers").model(row, with: rowEncoder).run()
            } catch let error where isConstraintViolation(error) {
                throw StoreError.conflict("number \(number) is already in an account")
            }
        }
    }

    func activate(accountId: String, numbers: [String], now: Date) async throws {
        guard !numbers.isEmpty else { return }
        try await context.sql.update("account_numbers").set("status", to: AccountNumberStatus.active.rawValue)
            .set("updated_at", to: now.storeRounded).where("account_id", .equal, accountId).where("e164", .in, numbers).run()
    }

    func remove(numbers: [String], portRequestId: String) async throws {
        guard !numbers.isEmpty else { return }
        try await context.sql.delete(from: "account_numbers").where("port_request_id", .equal, portRequestId)
            .where("e164", .in, numbers).run()
    }

    func find(e164: String, accountId: String) async throws -> AccountNumber? {
        try await context.sql.select().column("*").from("account_numbers").where("e164", .equal, e164)
            .where("account_id", .equal, accountId).first(decoding: AccountNumberRow.self, with: rowDecoder)?.record
    }

    func list(accountId: String, filter: AccountNumberFilter, page: PageRequest) async throws -> Page<AccountNumber> {
        let query = context.sql.select().column("*").from("account_numbers").where("account_id", .equal, accountId)
        if let status = filter.status { query.where("status", .equal, status.rawValue) }
        if let number = filter.number { query.where("e164", .equal, number) }
        let rows = try await query.page(after: page.cursor, limit: page.limit, idColumn: "e164")
            .all(decoding: AccountNumberRow.self, with: rowDecoder).map(\.record)
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.e164) }
    }

    func attach(e164: String, accountId: String, applicationId: String?, now: Date) async throws -> Bool {
        let rows = try await context.sql.update("account_numbers").set("application_id", to: applicationId)
            .set("updated_at", to: now.storeRounded).where("e164", .equal, e164).where("account_id", .equal, accountId)
            .returning("e164").all()
        return !rows.isEmpty
    }

    func inventoryStatus(of numbers: [String]) async throws -> [String: AccountNumberStatus] {
        var result: [String: AccountNumberStatus] = [:]
        for start in stride(from: 0, to: numbers.count, by: 500) {
            let chunk = Array(numbers[start..<min(numbers.count, start + 500)])
            let rows = try await context.sql.select().columns("e164", "status").from("account_numbers").where("e164", .in, chunk).all()
            for row in rows {
                let status = try row.decode(column: "status", as: String.self)
                result[try row.decode(column: "e164", as: String.self)] = AccountNumberStatus(rawValue: status) ?? .porting
            }
        }
        return result
    }
}

struct IdempotencyRow: Codable, Sendable {
    var accountId: String
    var key: String
    var requestHash: String
    var responseStatus: Int
    var responseBody: Data
    var createdAt: Date

    var record: IdempotencyRecord {
        IdempotencyRecord(accountId: accountId, key: key, requestHash: requestHash, responseStatus: responseStatus,
                          responseBody: responseBody, createdAt: createdAt)
    }
}

struct SQLIdempotencyRepository: IdempotencyRepository {
    let context: SQLStoreContext

    func find(accountId: String, key: String) async throws -> IdempotencyRecord? {
        try await context.sql.select().column("*").from("idempotency_records").where("account_id", .equal, accountId)
            .where("key", .equal, key).first(decoding: IdempotencyRow.self, with: rowDecoder)?.record
    }

    func save(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        let row = IdempotencyRow(accountId: record.accountId, key: record.key, requestHash: record.requestHash,
                                 responseStatus: record.responseStatus, responseBody: record.responseBody,
                                 createdAt: record.createdAt.storeRounded)
        // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed
        // statement would abort the caller's whole transaction.
        let inserted = try await context.sql.insert(into: "idempotency_records").model(row, with: rowEncoder)
            .ignoringConflicts(with: ["account_id", "key"]).returning("key").all()
        if !inserted.isEmpty { return row.record }
        guard let existing = try await find(accountId: record.accountId, key: record.key) else {
            throw StoreError.conflict("idempotency record vanished")
        }
        return existing
    }
}

struct SQLCarrierEventReceiptRepository: CarrierEventReceiptRepository {
    let context: SQLStoreContext

    func recordOnce(eventId: String, requestId: String?, at: Date) async throws -> Bool {
        let inserted = try await context.sql.insert(into: "carrier_event_receipts")
            .columns("event_id", "request_id", "received_at")
            .values(SQLBind(eventId), SQLBind(requestId), SQLBind(at.storeRounded))
            .ignoringConflicts(with: "event_id").returning("event_id").all()
        return !inserted.isEmpty
    }

    func recordEach(_ receipts: [CarrierEventReceipt], at: Date) async throws -> Set<String> {
        var recorded: Set<String> = []
        // 3 binds a row: 300 rows stay far below SQLite's 32,766 bind limit.
        for start in stride(from: 0, to: receipts.count, by: 300) {
            let chunk = receipts[start..<min(start + 300, receipts.count)]
            let insert = context.sql.insert(into: "carrier_event_receipts").columns("event_id", "request_id", "received_at")
            for receipt in chunk {
                insert.values(SQLBind(receipt.eventId), SQLBind(receipt.requestId), SQLBind(at.storeRounded))
            }
            for row in try await insert.ignoringConflicts(with: "event_id").returning("event_id").all() {
                recorded.insert(try row.decode(column: "event_id", as: String.self))
            }
        }
        return recorded
    }

}
