import Foundation
import PortInCore
@testable import PortInDocuments

/// Sample LOA content on fictional-safe numbers (see the project rules).
enum Fixtures {
    /// 2026-11-30T06:35:02Z: every document is created "now" from this injected instant.
    static let createdAt = Date(timeIntervalSince1970: 1_796_020_502)
    static let signedAt = Date(timeIntervalSince1970: 1_796_024_111)

    static func localNumbers(_ count: Int) -> [PhoneNumber] {
        (0..<count).map { try! PhoneNumber.parse("+1217522\(String(1000 + $0))") }
    }

    static func tollFreeNumbers(_ count: Int) -> [PhoneNumber] {
        (0..<count).map { try! PhoneNumber.parse("+1888244\(String(1000 + $0))") }
    }

    /// Ofcom's drama range 020 7946 0000-0999.
    static func ukNumbers(_ count: Int) -> [PhoneNumber] {
        (0..<count).map { try! PhoneNumber.parse("+4420794\(String(60000 + $0))") }
    }

    static func content(numbers: [PhoneNumber], subscriber: String = "Prairie State Plumbing LLC",
                        person: String = "Dana Whitfield", extraFields: [String: String] = [:],
                        address: ServiceAddress? = nil) -> LOAContent {
        LOAContent(
            requestID: "PR-7F3K2Q", pon: "PTN0000123",
            subscriberName: subscriber,
            authorizedPerson: AuthorizedPerson(name: person, title: "Office Manager", email: "dana@prairie.example"),
            serviceAddress: address ?? ServiceAddress(houseNumber: "1200", street: "S 6th St", unit: "Suite 210",
                                                      city: "Springfield", state: "IL", postalCode: "62703"),
            currentCarrier: "Lincoln Land Telephone", accountNumber: "ACCT-558812", btn: "+12175221000",
            newProvider: "PortIn Communications", date: CivilDate(year: 2026, month: 11, day: 30)!,
            numbers: numbers, extraFields: extraFields)
    }

    static let ukTemplateJSON = """
    {
      "id": "gb",
      "title": "Letter of Authority to Port Numbers (United Kingdom)",
      "paragraphs": [
        "I, {authorized_name}, {authorized_title} of {subscriber_name}, authorise {new_provider} to port the numbers below from {current_carrier} (CUPID {cupid_code}).",
        "The numbers are {line_type} lines installed at {service_address}. Only one communications provider can be designated for each number."
      ],
      "extra_fields": [
        {"key": "cupid_code", "label": "Losing provider CUPID code", "required": true},
        {"key": "line_type", "label": "Line type", "required": true}
      ],
      "numbers_heading": "Numbers to port ({number_count})",
      "signature_statement": "Signed by the account holder or a person authorised by them:",
      "field_labels": {"service_address": "Installation address"}
    }
    """

    static func ukTemplate() throws -> LOATemplate {
        try JSONDecoder().decode(LOATemplate.self, from: Data(ukTemplateJSON.utf8))
    }

    static func ukContent(_ count: Int) -> LOAContent {
        content(numbers: ukNumbers(count), extraFields: ["cupid_code": "014", "line_type": "ISDN30"],
                address: ServiceAddress(houseNumber: "10", street: "Downing St", city: "London", state: "London",
                                        postalCode: "SW1A 2AA", country: "GB"))
    }

    static func signatureImage(width: Int = 400, height: Int = 120) -> SignatureImage {
        let png = TestPNG.encode(width: width, height: height, colorType: 6,
                                 pixels: TestPNG.signaturePixels(width: width, height: height)) { UInt8($0 % 5) }
        return try! SignatureImage.decodePNG(png)
    }

    static func signature(image: SignatureImage = signatureImage()) -> LOASignature {
        LOASignature(typedName: "Dana Whitfield", title: "Office Manager", email: "dana@prairie.example",
                     signedAt: signedAt, ipAddress: "203.0.113.24",
                     userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                     consentText: "I agree to sign this Letter of Authorization electronically. My typed name and drawn signature have the same effect as my handwritten signature.",
                     image: image)
    }
}
