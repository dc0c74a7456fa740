import Foundation
import PortInCore
import Testing
@testable import PortInServer

/// What each notification email says, in both parts.
@Suite("Email composer")
struct EmailComposerTests {
    /// A notification as the outbox stores it (decoded from its JSON, as the mailer reads it).
    static func notification(_ type: NotificationType, status: PortStatus = .submitted, foc: String? = "2027-03-12",
                             reasons: [Rejection] = [], comment: String? = nil, message: String? = nil,
                             at: Date = TestService.start) throws -> PortNotification {
        var object: [String: Any] = [
            "id": "ntf_1", "type": type.rawValue, "at": ISO8601DateFormatter().string(from: at), "account_id": "acc_1",
            "request_id": "pr_1", "pon": "PI0000000042", "version": 2, "status": status.rawValue,
            "losing_carrier": "Granite Telephone", "number_type": "geographic",
            "numbers": ["+12175220301", "+12175220302"], "customer_reference": "ticket-7", "reasons": [],
        ]
        if let foc { object["foc_date"] = foc }
        var notification = try JSONDecoder.notifications.decode(PortNotification.self,
                                                                from: JSONSerialization.data(withJSONObject: object))
        notification.reasons = reasons.map(NotificationReason.init)
        notification.comment = comment
        notification.message = message
        return notification
    }

    static func compose(_ notification: PortNotification) throws -> EmailContent {
        try #require(EmailComposer().compose(notification))
    }

    /// Both parts, the HTML with its tags removed and entities decoded (what a reader sees).
    static func parts(_ content: EmailContent) -> (text: String, html: String) {
        (content.plainText, visibleText(content.html))
    }

    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// `text` with its whitespace (line wrapping) collapsed, for phrase checks.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test("every emailed type has its own subject naming the PON; status_changed is not emailed")
    func subjects() throws {
        var subjects: [NotificationType: String] = [:]
        for type in NotificationType.allCases {
            let content = EmailComposer().compose(try Self.notification(type))
            guard type.isEmailed else {
                #expect(content == nil)
                continue
            }
            let subject = try #require(content?.subject)
            #expect(subject.contains("PI0000000042"), "\(type): \(subject)")
            subjects[type] = subject
        }
        #expect(Set(subjects.values).count == subjects.count, "subjects repeat: \(subjects)")
        #expect(subjects[.submitted] == "Port request PI0000000042 submitted")
        #expect(subjects[.focConfirmed] == "Port date confirmed: PI0000000042 ports on Friday, March 12, 2027")
        #expect(subjects[.cancelled] == "Port request PI0000000042 cancelled")
        #expect(subjects[.draftExpired] == "Draft port request PI0000000042 expired")
        #expect(subjects[.commentAdded] == "New comment from the porting team on PI0000000042")
    }

    @Test("action required lists every reason with its field, explanation, fix hint and the carrier's code, in both parts")
    func actionRequired() throws {
        let rejections = [
            Rejection(code: .serviceAddressMismatch, carrierCode: "SA_MISMATCH", message: "house number differs",
                      field: "service_address.house_number"),
            Rejection(code: .pinInvalid, carrierCode: "W-PIN-02"),
            Rejection(code: .numberNotOnAccount, carrierCode: "TN_NOT_ON_ACCT", number: "+12175220302"),
        ]
        let content = try Self.compose(try Self.notification(.actionRequired, status: .actionRequired, reasons: rejections))
        #expect(content.subject == "Action required: port request PI0000000042 was rejected (3 issues to fix)")
        let (text, html) = Self.parts(content)
        for part in [Self.flat(text), html] {
            for rejection in rejections {
                let entry = RejectionCatalog.entry(for: rejection.code)
                #expect(part.contains(entry.title))
                #expect(part.contains(entry.explanation))
                #expect(part.contains(entry.fixHint), "fix hint of \(rejection.code) missing")
                let field = try #require(rejection.fields.first)
                let carrierCode = try #require(rejection.carrierCode)
                #expect(part.contains(field))
                #expect(part.contains(carrierCode))
            }
            #expect(part.contains("house number differs"))
            #expect(part.contains("+12175220302"))
            #expect(part.contains("version 3"))
            #expect(part.contains("/v1/port-requests/pr_1/submit"))
        }
        // The reasons are numbered in order in the text part.
        let first = try #require(text.range(of: "1. Service address doesn't match"))
        let second = try #require(text.range(of: "2. PIN or passcode is wrong"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(text.contains("3. "))
        // Sent back without coded reasons: the carrier's own words stand in.
        let uncoded = try Self.compose(try Self.notification(.actionRequired, status: .actionRequired, message: "see attached letter"))
        #expect(uncoded.subject == "Action required: port request PI0000000042 was sent back")
        #expect(uncoded.plainText.contains("The carrier said: see attached letter"))
    }

    @Test("FOC confirmed names the date and says to set up the application now, before the numbers appear 2 business days ahead")
    func focConfirmed() throws {
        // Friday 2027-03-12: the numbers appear Wednesday 2027-03-10.
        let content = try Self.compose(try Self.notification(.focConfirmed, status: .focConfirmed))
        #expect(content.heading.contains("Friday, March 12, 2027"))
        let (text, html) = Self.parts(content)
        for part in [Self.flat(text), html] {
            #expect(part.contains("Friday, March 12, 2027"))
            #expect(part.contains("Set up your application now"))
            #expect(part.contains("Wednesday, March 10, 2027, 2 business days before the port date"))
            #expect(part.contains("+12175220301"))
            #expect(part.contains("+12175220302"))
        }
        // Across Memorial Day (Monday 2027-05-31): FOC Tuesday 2027-06-01 -> Thursday 2027-05-27.
        let overHoliday = try Self.compose(try Self.notification(.focConfirmed, status: .focConfirmed, foc: "2027-06-01"))
        #expect(Self.flat(overHoliday.plainText).contains("Thursday, May 27, 2027"))
    }

    @Test("the other types say what happened and what to do")
    func otherTypes() throws {
        let expectations: [(NotificationType, PortStatus, [String])] = [
            (.submitted, .submitted, ["submitted port request PI0000000042 for 2 numbers", "version 2",
                                      "Your current carrier (Granite Telephone) usually answers within 5 to 7 business days",
                                      "nothing you need to do now"]),
            (.numbersProvisioned, .focConfirmed, ["now in your account with status \"porting\"", "Friday, March 12, 2027",
                                                  "Attach each number to an application now"]),
            (.completed, .completed, ["completed: these numbers are now active", "+12175220301"]),
            (.cancelled, .cancelled, ["is cancelled", "Reason: customer asked"]),
            (.noCarrierAnswer, .pendingLosingCarrier, ["has not answered port request PI0000000042 for 7 business days",
                                                       "porting team has been alerted", "customer asked"]),
            (.focReminder, .focConfirmed, ["ports tomorrow, Friday, March 12, 2027", "attached to an application"]),
            (.draftExpired, .expired, ["was not submitted for 30 days and has expired"]),
        ]
        for (type, status, phrases) in expectations {
            // The reminder goes out the day before the FOC.
            let at = type == .focReminder ? Date(timeIntervalSince1970: 1_804_776_000) : TestService.start
            let content = try Self.compose(try Self.notification(type, status: status, message: "customer asked", at: at))
            let (text, html) = Self.parts(content)
            for phrase in phrases {
                #expect(Self.flat(text).contains(phrase), "\(type) text lacks \(phrase)")
                #expect(html.contains(phrase), "\(type) html lacks \(phrase)")
            }
            for fact in ["pr_1", "PI0000000042 (version 2)", "ticket-7", "Granite Telephone"] {
                #expect(text.contains(fact) && html.contains(fact), "\(type) lacks \(fact)")
            }
        }
        // A reminder the Friday before a Monday port says when, not "tomorrow".
        let friday = Date(timeIntervalSince1970: 1_804_863_600)  // 2027-03-12 15:00 UTC
        let monday = try Self.compose(try Self.notification(.focReminder, status: .focConfirmed, foc: "2027-03-15", at: friday))
        #expect(monday.subject == "Reminder: PI0000000042 ports on Monday, March 15, 2027, the next business day")
    }

    @Test("a comment is quoted with its line breaks; everything in the HTML part is escaped")
    func commentAndEscaping() throws {
        let comment = "Please upload a new LOA.\n<script>alert('x')</script> & \"quotes\""
        var notification = try Self.notification(.commentAdded, comment: comment)
        notification.customerReference = "<b>ref</b>"
        let content = try Self.compose(notification)
        #expect(content.plainText.contains("> Please upload a new LOA.\n> <script>alert('x')</script> & \"quotes\""))
        #expect(content.html.contains("Please upload a new LOA.<br>\n&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(!content.html.contains("<script>"))
        #expect(!content.html.contains("<b>ref</b>"))
        #expect(content.html.contains("&lt;b&gt;ref&lt;/b&gt;"))
        #expect(Self.visibleText(content.html).contains(comment.replacingOccurrences(of: "\n", with: " ")))
    }

    @Test("plain text lines stay within 76 columns")
    func wrapping() throws {
        let rejections = RejectionCode.allCases.map { Rejection(code: $0, carrierCode: "X-\($0.rawValue)") }
        let content = try Self.compose(try Self.notification(.actionRequired, status: .actionRequired, reasons: rejections))
        for line in content.plainText.split(separator: "\n") {
            #expect(line.count <= 76 || !line.contains(" "), "too long: \(line)")
        }
    }
}
