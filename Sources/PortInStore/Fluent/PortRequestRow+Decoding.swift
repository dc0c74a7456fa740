import Foundation
import SQLKit

extension PortRequestRow {
    /// Reads a row column by column. Several times faster than `SQLRowDecoder` with a key strategy,
    /// which converts every key and probes the row for each optional: this row is on every read of a
    /// request (measured with `portin-bench service`, see BENCHMARKS.md).
    init(row: any SQLRow) throws {
        func value<T: Decodable>(_ column: String, _ type: T.Type = T.self) throws -> T { try row.decode(column: column, as: T.self) }
        id = try value("id")
        accountId = try value("account_id")
        groupId = try value("group_id")
        status = try value("status")
        kind = try value("kind")
        country = try value("country")
        subscriberType = try value("subscriber_type")
        businessName = try value("business_name")
        firstName = try value("first_name")
        lastName = try value("last_name")
        authorizedName = try value("authorized_name")
        authorizedTitle = try value("authorized_title")
        authorizedEmail = try value("authorized_email")
        addressHouseNumber = try value("address_house_number")
        addressStreet = try value("address_street")
        addressUnit = try value("address_unit")
        addressCity = try value("address_city")
        addressState = try value("address_state")
        addressPostalCode = try value("address_postal_code")
        addressCountry = try value("address_country")
        accountNumber = try value("account_number")
        pinSealed = try value("pin_sealed")
        btn = try value("btn")
        partialPort = try value("partial_port")
        newBtn = try value("new_btn")
        requestedFocDate = try value("requested_foc_date")
        customerReference = try value("customer_reference")
        notificationEmails = try value("notification_emails")
        loaFields = try value("loa_fields")
        numberType = try value("number_type")
        losingCarrierSpid = try value("losing_carrier_spid")
        losingCarrierName = try value("losing_carrier_name")
        pon = try value("pon")
        version = try value("version")
        focDate = try value("foc_date")
        reasons = try value("reasons")
        createdAt = try value("created_at")
        updatedAt = try value("updated_at")
        submittedAt = try value("submitted_at")
        completedAt = try value("completed_at")
    }
}

extension RequestNumberRow {
    /// Column by column, for the same reason as `PortRequestRow(row:)`: up to 5,000 of these per request.
    init(row: any SQLRow) throws {
        requestId = try row.decode(column: "request_id", as: String.self)
        e164 = try row.decode(column: "e164", as: String.self)
        position = try row.decode(column: "position", as: Int.self)
        status = try row.decode(column: "status", as: String.self)
        focDate = try row.decode(column: "foc_date", as: String?.self)
        isOpen = try row.decode(column: "is_open", as: Bool.self)
    }
}
