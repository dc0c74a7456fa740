import FluentKit
import Foundation
import PortInCore
import SQLKit

struct SQLPortRequestRepository: PortRequestRepository {
    let context: SQLStoreContext
    let secretBox: SecretBox

    func create(_ request: NewPortRequest, now: Date) async throws -> StoredPortRequest {
        context.wrote()
        defer { context.wrote() }
        let box = secretBox
        let id = try await context.atomically { tx in
            let stamp = now.storeRounded
            let pon = try await Self.nextPON(tx)
            var row = PortRequestRow(
                id: StoreID.make("pr", at: now), accountId: request.accountId, groupId: request.groupId,
                status: PortStatus.draft.rawValue, kind: "", country: "", subscriberType: "", pinSealed: nil, partialPort: false,
                notificationEmails: "[]", numberType: request.numberType?.rawValue,
                losingCarrierSpid: request.losingCarrier?.spid, losingCarrierName: request.losingCarrier?.name, pon: pon,
                version: 0, focDate: nil, reasons: "[]", createdAt: stamp, updatedAt: stamp)
            try row.setContent(request.draft)
            row.pinSealed = try request.draft.pin.map { try box.seal($0).combined }
            try await tx.sql.insert(into: "port_requests").model(row, with: rowEncoder).run()
            try await Self.insertNumbers(tx, requestId: row.id, numbers: request.draft.numbers, startingAt: 0)
            return row.id
        }
        guard let stored = try await load(where: { $0.where("id", .equal, id) }).first else {
            throw StoreError.conflict("request vanished after insert")
        }
        return stored
    }

    /// "PI" + ten digits from a counter row; the row lock serialises allocations on PostgreSQL.
    static func nextPON(_ tx: SQLStoreContext) async throws -> String {
        let value = try await tx.sql.raw("UPDATE counters SET value = value + 1 WHERE name = 'pon' RETURNING value")
            .first(decodingColumn: "value", as: Int.self) ?? 0
        let digits = String(value)
        return "PI" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    static func insertNumbers(_ tx: SQLStoreContext, requestId: String, numbers: [String], startingAt position: Int) async throws {
        guard !numbers.isEmpty else { return }
        let rows = numbers.enumerated().map { offset, e164 in
            RequestNumberRow(requestId: requestId, e164: e164, position: position + offset,
                             status: RequestNumberStatus.pending.rawValue, focDate: nil, isOpen: true)
        }
        do {
            // Chunks keep each statement under SQLite's bound-parameter limit.
            for start in stride(from: 0, to: rows.count, by: 500) {
                let chunk = Array(rows[start..<min(rows.count, start + 500)])
                try await tx.sql.insert(into: "request_numbers").models(chunk, with: rowEncoder).run()
            }
        } catch let error where isConstraintViolation(error) {
            throw StoreError.conflict("a number is already in an open port request")
        }
    }

    func find(id: String, accountId: String) async throws -> StoredPortRequest? {
        try await load(where: { $0.where("id", .equal, id).where("account_id", .equal, accountId) }).first
    }

    func opsFind(id: String) async throws -> StoredPortRequest? {
        try await load(where: { $0.where("id", .equal, id) }).first
    }

    func list(accountId: String, filter: PortRequestFilter, page: PageRequest) async throws -> Page<StoredPortRequest> {
        var scoped = filter
        scoped.accountId = accountId
        return try await opsList(filter: scoped, page: page)
    }

    func opsList(filter: PortRequestFilter, page: PageRequest) async throws -> Page<StoredPortRequest> {
        let rows = try await load(where: { query in
            if let accountId = filter.accountId { query.where("account_id", .equal, accountId) }
            if let status = filter.status { query.where("status", .equal, status.rawValue) }
            if let pon = filter.pon { query.where("pon", .equal, pon) }
            if let number = filter.number {
                let holds: SQLQueryString = "\(ident: "id") IN (SELECT \(ident: "request_id") FROM \(ident: "request_numbers") WHERE \(ident: "e164") = \(bind: number))"
                query.where(holds)
            }
            return try query.page(after: page.cursor, limit: page.limit)
        })
        return makePage(rows, limit: page.limit) { ($0.createdAt, $0.id) }
    }

    func forCarrierEvent(pon: String, eventId: String) async throws -> (request: StoredPortRequest?, recorded: Bool) {
        let recorded: SQLQueryString = "(SELECT COUNT(*) FROM \(ident: "carrier_event_receipts") WHERE \(ident: "event_id") = \(bind: eventId))"
        guard let found = try await context.sql.select().column("*").column(SQLAlias(recorded, as: SQLIdentifier("event_recorded")))
            .from("port_requests").where("pon", .equal, pon).orderBy("created_at", .descending).orderBy("id", .descending).limit(1).first()
        else {
            let receipt = try await context.sql.select().column("event_id").from("carrier_event_receipts").where("event_id", .equal, eventId)
                .limit(1).first()
            return (nil, receipt != nil)
        }
        let row = try PortRequestRow(row: found)
        let numbers = try await context.sql.select().column("*").from("request_numbers").where("request_id", .equal, row.id)
            .orderBy("position").all().map { try RequestNumberRow(row: $0).record }
        return (try row.record(numbers: numbers, documents: []), try found.decode(column: "event_recorded", as: Int.self) > 0)
    }

    func forCarrierEvents(pons: [String]) async throws -> [String: StoredPortRequest] {
        guard !pons.isEmpty else { return [:] }
        // Oldest first, so the newest of a PON is the one left in the dictionary.
        let rows = try await context.sql.select().column("*").from("port_requests").where("pon", .in, Array(Set(pons)))
            .orderBy("created_at").orderBy("id").all().map(PortRequestRow.init(row:))
        guard !rows.isEmpty else { return [:] }
        let numbers = try await context.sql.select().column("*").from("request_numbers").where("request_id", .in, rows.map(\.id))
            .orderBy("request_id").orderBy("position").all().map { try RequestNumberRow(row: $0).record }
        let numbersByRequest = Dictionary(grouping: numbers, by: \.requestId)
        var newest: [String: StoredPortRequest] = [:]
        for row in rows { newest[row.pon] = try row.record(numbers: numbersByRequest[row.id] ?? [], documents: []) }
        return newest
    }

    func group(id groupId: String, accountId: String) async throws -> [StoredPortRequest] {
        try await load(where: {
            $0.where("group_id", .equal, groupId).where("account_id", .equal, accountId).orderBy("created_at").orderBy("id")
        })
    }

    func findWithDocuments(id: String, accountId: String?) async throws -> (StoredPortRequest, [Document])? {
        let found = try await loadWithDocuments(where: { query in
            accountId.map { query.where("id", .equal, id).where("account_id", .equal, $0) } ?? query.where("id", .equal, id)
        })
        guard let request = found.requests.first else { return nil }
        return (request, found.documents.filter { $0.requestId == request.id })
    }

    /// Rows matching `filter`, with their numbers and document facts (two extra queries in all).
    private func load(where filter: (SQLSelectBuilder) throws -> SQLSelectBuilder) async throws -> [StoredPortRequest] {
        try await loadWithDocuments(where: filter).requests
    }

    /// `load`, also handing back the documents it read for the facts.
    private func loadWithDocuments(where filter: (SQLSelectBuilder) throws -> SQLSelectBuilder) async throws
        -> (requests: [StoredPortRequest], documents: [Document]) {
        let rows = try await filter(context.sql.select().column("*").from("port_requests")).all().map(PortRequestRow.init(row:))
        guard !rows.isEmpty else { return ([], []) }
        let ids = rows.map(\.id)
        let numbers = try await context.sql.select().column("*").from("request_numbers").where("request_id", .in, ids)
            .orderBy("request_id").orderBy("position").all().map(RequestNumberRow.init(row:))
        let documents = try await context.sql.select().column("*").from("documents").where("request_id", .in, ids)
            .orderBy("created_at").orderBy("id").all(decoding: DocumentRow.self, with: rowDecoder)
        let numbersByRequest = Dictionary(grouping: numbers.map(\.record), by: \.requestId)
        let factsByRequest = Dictionary(grouping: documents, by: \.requestId).mapValues { $0.map { $0.record.facts } }
        let requests = try rows.map { try $0.record(numbers: numbersByRequest[$0.id] ?? [], documents: factsByRequest[$0.id] ?? []) }
        return (requests, documents.map(\.record))
    }

    func updateContent(id: String, accountId: String, draft: PortRequestDraft, pin: PINUpdate, now: Date) async throws -> Bool {
        context.wrote()
        defer { context.wrote() }
        var row = PortRequestRow(id: id, accountId: accountId, groupId: "", status: "", kind: "", country: "", subscriberType: "",
                                 partialPort: false, notificationEmails: "[]", pon: "", version: 0, reasons: "[]",
                                 createdAt: now, updatedAt: now)
        try row.setContent(draft)
        let update = context.sql.update("port_requests").set("updated_at", to: now.storeRounded)
        let values: [String: any Encodable & Sendable] = [
            "kind": row.kind, "country": row.country, "subscriber_type": row.subscriberType,
            "partial_port": row.partialPort, "notification_emails": row.notificationEmails,
        ]
        let optionals: [String: String?] = [
            "business_name": row.businessName, "first_name": row.firstName, "last_name": row.lastName,
            "authorized_name": row.authorizedName, "authorized_title": row.authorizedTitle, "authorized_email": row.authorizedEmail,
            "address_house_number": row.addressHouseNumber, "address_street": row.addressStreet, "address_unit": row.addressUnit,
            "address_city": row.addressCity, "address_state": row.addressState, "address_postal_code": row.addressPostalCode,
            "address_country": row.addressCountry, "account_number": row.accountNumber, "btn": row.btn, "new_btn": row.newBtn,
            "requested_foc_date": row.requestedFocDate, "customer_reference": row.customerReference, "loa_fields": row.loaFields,
        ]
        for column in PortRequestRow.contentColumns {
            if let value = values[column] {
                update.set(column, to: value)
            } else if let value = optionals[column] {
                if let value { update.set(column, to: value) } else { update.set(column, to: SQLLiteral.null) }
            }
        }
        switch pin {
        case .keep: break
        case .set(let clear): update.set("pin_sealed", to: try secretBox.seal(clear).combined)
        case .clear: update.set("pin_sealed", to: SQLLiteral.null)
        }
        let changed = try await update.where("id", .equal, id).where("account_id", .equal, accountId)
            .returning("id").all().count
        return changed > 0
    }

    func changeNumbers(id: String, accountId: String, add: [String], remove: [String], now: Date) async throws -> Bool {
        context.wrote()
        defer { context.wrote() }
        return try await context.atomically { tx in
            let owned = try await tx.sql.select().column("id").from("port_requests").where("id", .equal, id)
                .where("account_id", .equal, accountId).first()
            guard owned != nil else { return false }
            if !remove.isEmpty {
                try await tx.sql.delete(from: "request_numbers").where("request_id", .equal, id).where("e164", .in, remove).run()
            }
            let existing = Set(try await tx.sql.select().column("e164").from("request_numbers").where("request_id", .equal, id)
                .all(decodingColumn: "e164", as: String.self))
            let next = try await tx.sql.select().column(SQLFunction("coalesce", args: SQLFunction("max", args: SQLIdentifier("position")), SQLLiteral.numeric("-1")), as: "last")
                .from("request_numbers").where("request_id", .equal, id).first(decodingColumn: "last", as: Int.self) ?? -1
            var seen = existing
            let fresh = add.filter { seen.insert($0).inserted }
            try await Self.insertNumbers(tx, requestId: id, numbers: fresh, startingAt: next + 1)
            try await tx.sql.update("port_requests").set("updated_at", to: now.storeRounded).where("id", .equal, id).run()
            return true
        }
    }

    func transition(id: String, change: StatusChange, now: Date) async throws -> StoredPortRequest? {
        try await applyTransition(id: id, change: change, now: now) ? try await opsFind(id: id) : nil
    }

    func transition(_ request: StoredPortRequest, change: StatusChange, now: Date) async throws -> StoredPortRequest? {
        guard try await applyTransition(id: request.id, change: change, now: now) else { return nil }
        // The row changed only as the UPDATE said: no need to read it back (three queries per move).
        var updated = request
        let stamp = now.storeRounded
        updated.status = change.to
        updated.updatedAt = stamp
        if let reasons = change.reasons { updated.reasons = reasons }
        if let focDate = change.focDate { updated.focDate = focDate }
        if change.bumpVersion { updated.version += 1 }
        if change.revertVersion { updated.version -= 1 }
        if change.to == .submitted { updated.submittedAt = stamp }
        if change.to == .completed { updated.completedAt = stamp }
        return updated
    }

    /// The guarded UPDATE of a move; false when the request is missing or no longer in `change.from`.
    private func applyTransition(id: String, change: StatusChange, now: Date) async throws -> Bool {
        context.wrote()
        defer { context.wrote() }
        return try await context.atomically { tx in
            let stamp = now.storeRounded
            let update = tx.sql.update("port_requests")
                .set("status", to: change.to.rawValue)
                .set("updated_at", to: stamp)
            if let reasons = change.reasons { update.set("reasons", to: try StoreJSON.encode(reasons)) }
            if let focDate = change.focDate { update.set("foc_date", to: focDate.description) }
            if change.bumpVersion { update.set("version", to: SQLRaw("version + 1")) }
            if change.revertVersion { update.set("version", to: SQLRaw("version - 1")) }
            if change.to == .submitted { update.set("submitted_at", to: stamp) }
            if change.to == .completed { update.set("completed_at", to: stamp) }
            let rows = try await update.where("id", .equal, id).where("status", .equal, change.from.rawValue)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            // Leaving the open statuses frees the numbers for other requests; a reopen would hold them again.
            if change.from.isOpen != change.to.isOpen {
                try await tx.sql.update("request_numbers").set("is_open", to: change.to.isOpen)
                    .where("request_id", .equal, id).run()
            }
            return true
        }
    }

    func setNumberStatus(requestId: String, numbers: [String]?, status: RequestNumberStatus, focDate: CivilDate?) async throws {
        context.wrote()
        defer { context.wrote() }
        let update = context.sql.update("request_numbers").set("status", to: status.rawValue)
        if let focDate { update.set("foc_date", to: focDate.description) }
        update.where("request_id", .equal, requestId)
        if let numbers { update.where("e164", .in, numbers) }
        try await update.run()
    }

    func deleteDraft(id: String, accountId: String) async throws -> Bool {
        context.wrote()
        defer { context.wrote() }
        return try await context.atomically { tx in
            let found = try await tx.sql.select().column("id").from("port_requests").where("id", .equal, id)
                .where("account_id", .equal, accountId).where("status", .equal, PortStatus.draft.rawValue).first()
            guard found != nil else { return false }
            for table in ["request_numbers", "documents", "comments", "events"] {
                try await tx.sql.delete(from: table).where("request_id", .equal, id).run()
            }
            try await tx.sql.delete(from: "port_requests").where("id", .equal, id).run()
            return true
        }
    }

    func revealPIN(id: String) async throws -> String? {
        let sealed = try await context.sql.select().column("pin_sealed").from("port_requests").where("id", .equal, id)
            .first(decodingColumn: "pin_sealed", as: Data?.self) ?? nil
        return try sealed.map { try secretBox.open(SealedSecret(combined: $0)) }
    }

    func purgePIN(id: String, now: Date) async throws {
        context.wrote()
        defer { context.wrote() }
        try await context.sql.update("port_requests").set("pin_sealed", to: SQLLiteral.null)
            .set("updated_at", to: now.storeRounded).where("id", .equal, id).run()
    }

    func openRequestIds(for numbers: [String]) async throws -> [String: String] {
        var result: [String: String] = [:]
        for start in stride(from: 0, to: numbers.count, by: 500) {
            let chunk = Array(numbers[start..<min(numbers.count, start + 500)])
            let rows = try await context.sql.select().columns("e164", "request_id").from("request_numbers")
                .where("is_open", .equal, true).where("e164", .in, chunk).all()
            for row in rows {
                result[try row.decode(column: "e164", as: String.self)] = try row.decode(column: "request_id", as: String.self)
            }
        }
        return result
    }

    func statusCounts() async throws -> [PortStatus: Int] {
        let rows = try await context.sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("port_requests").groupBy("status").all()
        var counts: [PortStatus: Int] = [:]
        for row in rows {
            guard let status = PortStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            counts[status] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
