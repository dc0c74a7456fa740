import Foundation
import PortInCore

/// The words of each notification type.
extension EmailComposer {
    typealias Body = (subject: String, heading: String, blocks: [EmailContent.Block])

    func submitted(_ n: PortNotification) -> Body {
        let carrier = n.losingCarrier.map { "Your current carrier (\($0))" } ?? "Your current carrier"
        var blocks: [EmailContent.Block] = [
            .paragraph("We submitted port request \(n.pon) for \(Self.count(n.numbers)) to the carrier."
                + (n.version > 1 ? " This is version \(n.version) of the request, with your corrections." : "")),
            .list(n.numbers),
            .paragraph("\(carrier) usually answers within 5 to 7 business days. There is nothing you need to do now: we email "
                + "you as soon as the port date is confirmed, or right away if anything needs fixing."),
        ]
        if let message = n.message { blocks.append(.paragraph("Note: \(message)")) }
        return ("Port request \(n.pon) submitted", "Your port request is on its way", blocks)
    }

    func actionRequired(_ n: PortNotification) -> Body {
        let issues = n.reasons.count == 1 ? "1 issue" : "\(n.reasons.count) issues"
        var blocks: [EmailContent.Block] = []
        if n.reasons.isEmpty {
            blocks.append(.paragraph("The carrier sent port request \(n.pon) back without a coded reason. Our porting team is "
                + "asking the carrier for details and will comment on the request."))
            // Without reasons, the carrier's free text is all there is (with them, each reason carries its own words).
            if let message = n.message { blocks.append(.paragraph("The carrier said: \(message)")) }
        } else {
            blocks.append(.paragraph("The carrier rejected port request \(n.pon) (version \(n.version)) and listed \(issues). "
                + "Fix every one of them, then submit the request again; it goes to the carrier as version \(n.version + 1)."))
            blocks.append(.reasons(n.reasons))
        }
        blocks.append(.paragraph("Correct the request with PATCH /v1/port-requests/\(n.requestId) (upload new documents to "
            + "/v1/port-requests/\(n.requestId)/documents if a reason concerns the LOA or the invoice), then submit it with "
            + "POST /v1/port-requests/\(n.requestId)/submit. Until then the port is on hold."))
        let subject = n.reasons.isEmpty ? "Action required: port request \(n.pon) was sent back"
            : "Action required: port request \(n.pon) was rejected (\(issues) to fix)"
        return (subject, "Your port request needs changes", blocks)
    }

    func focConfirmed(_ n: PortNotification) -> Body {
        guard let foc = n.focDate else {
            return ("Port date confirmed for \(n.pon)", "Your port date is confirmed",
                    [.paragraph("The carrier confirmed port request \(n.pon); the port date follows in a separate email.")])
        }
        let date = Self.longDate(foc)
        let appears = Self.longDate(calendar.adding(businessDays: -2, to: foc))
        return ("Port date confirmed: \(n.pon) ports on \(date)", "Your port date is confirmed: \(date)", [
            .paragraph("The carrier confirmed the port of \(Self.count(n.numbers)) on \(date) (the FOC date)."),
            .list(n.numbers),
            .paragraph("Set up your application now. The numbers appear in your account as \"porting\" on \(appears), "
                + "2 business days before the port date. Attach them to an application (voice and SMS URLs) as soon as they "
                + "appear, so calls and messages work the moment the port completes."),
            .paragraph("Keep your service with your current carrier until the port completes. The request can no longer be "
                + "cancelled within 48 hours of the port date."),
        ])
    }

    func numbersProvisioned(_ n: PortNotification) -> Body {
        let when = n.focDate.map { " on \(Self.longDate($0))" } ?? " on the port date"
        return ("Your numbers for \(n.pon) are in your account: attach an application",
                "Your numbers are in your account", [
            .paragraph("The \(Self.count(n.numbers)) of port request \(n.pon) are now in your account with status \"porting\". "
                + "They go live\(when)."),
            .list(n.numbers),
            .paragraph("Attach each number to an application now (PATCH /v1/numbers/{number} with an application id), so calls "
                + "and messages reach it the moment the port completes."),
        ])
    }

    func completed(_ n: PortNotification) -> Body {
        ("Port complete: the numbers of \(n.pon) are active", "Your port is complete", [
            .paragraph("Port request \(n.pon) completed: \(n.numbers.count == 1 ? "this number is" : "these numbers are") now "
                + "active on your account and route to their applications."),
            .list(n.numbers),
            .paragraph("You can now cancel the service for these numbers with your previous carrier, if they were its only use."),
        ])
    }

    func cancelled(_ n: PortNotification) -> Body {
        var blocks: [EmailContent.Block] = [
            .paragraph("Port request \(n.pon) is cancelled. The numbers stay with your current carrier, and any of them added "
                + "to your account for this port have been removed."),
            .list(n.numbers),
        ]
        if let message = n.message { blocks.append(.paragraph("Reason: \(message)")) }
        return ("Port request \(n.pon) cancelled", "Your port request is cancelled", blocks)
    }

    func commentAdded(_ n: PortNotification) -> Body {
        ("New comment from the porting team on \(n.pon)", "The porting team commented on your port request", [
            .paragraph("The porting team wrote on port request \(n.pon):"),
            .quote(n.comment ?? ""),
            .paragraph("Read and answer comments with GET and POST /v1/port-requests/\(n.requestId)/comments."),
        ])
    }

    func noCarrierAnswer(_ n: PortNotification) -> Body {
        var blocks: [EmailContent.Block] = [
            .paragraph("The carrier has not answered port request \(n.pon) for 7 business days. Our porting team has been "
                + "alerted and is following up with the carrier. You don't need to do anything; we email you as soon as "
                + "there is an answer."),
        ]
        if let message = n.message { blocks.append(.paragraph(message)) }
        return ("Still waiting on the carrier for \(n.pon)", "We are chasing the carrier", blocks)
    }

    func focReminder(_ n: PortNotification) -> Body {
        guard let foc = n.focDate else {
            return ("Reminder: \(n.pon) ports soon", "Your port is close", [
                .paragraph("Port request \(n.pon) ports on the next business day. Check that each number is attached to an "
                    + "application."),
            ])
        }
        let date = Self.longDate(foc)
        let isTomorrow = calendar.localDate(of: n.at).adding(days: 1) == foc
        let when = isTomorrow ? "tomorrow, \(date)" : "on \(date), the next business day"
        return ("Reminder: \(n.pon) ports \(when)", "Your port is \(isTomorrow ? "tomorrow" : "on the next business day")", [
            .paragraph("Port request \(n.pon) ports \(when)."),
            .list(n.numbers),
            .paragraph("Check now that each number is attached to an application (voice and SMS URLs), and keep your service "
                + "with your current carrier until the port completes."),
        ])
    }

    func draftExpired(_ n: PortNotification) -> Body {
        ("Draft port request \(n.pon) expired", "Your draft port request expired", [
            .paragraph("Draft port request \(n.pon) was not submitted for 30 days and has expired. Its numbers are free again: "
                + "create a new request when you are ready."),
            .list(n.numbers),
        ])
    }
}
