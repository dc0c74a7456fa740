import Foundation
import PortInCore
import PortInStore

/// How the console judges a request's age and whether it is overdue. The thresholds are the
/// watchdogs' own (`Watchdogs`), read from the request's timeline; nothing here is a second copy.
enum OpsQueueRules {
    /// When the request entered its current status: the latest status change into it, else its creation.
    static func enteredStatus(_ request: StoredPortRequest, events: [Event]) -> Date {
        events.last(where: { $0.type == "status_changed" && $0.to == request.status })?.at ?? request.createdAt
    }

    /// Business days from `since` to `now` in the porting calendar (0 on the same day).
    static func businessDays(since: Date, now: Date, calendar: BusinessCalendar) -> Int {
        max(0, calendar.businessDays(from: calendar.localDate(of: since), to: calendar.localDate(of: now)))
    }

    /// Alerts raised for the request's current version while it is still open: the porting team's to-do.
    static func openAlerts(_ request: StoredPortRequest, events: [Event]) -> [OpsAlertPayload] {
        guard !request.status.isTerminal else { return [] }
        return events.compactMap { event -> OpsAlertPayload? in
            guard event.type == Watchdogs.alertEventType,
                  let alert = event.payload.flatMap({ try? JSONDecoder().decode(OpsAlertPayload.self, from: $0) }),
                  alert.version == request.version
            else { return nil }
            return alert
        }
    }

    /// Why the request needs the porting team now (empty: on time).
    static func overdue(_ request: StoredPortRequest, events: [Event], now: Date, calendar: BusinessCalendar) -> [String] {
        var reasons: [String] = []
        if Watchdogs.waitingOnCarrier.contains(request.status) {
            // The watchdog's wait: from entering the status or the carrier's last word, whichever is later.
            let entered = enteredStatus(request, events: events)
            let heard = events.filter { $0.actor.kind == .carrier }.map(\.at).max()
            let since = max(entered, heard ?? entered)
            if now >= calendar.instant(addingBusinessDays: Watchdogs.noAnswerBusinessDays, to: since) {
                let days = businessDays(since: since, now: now, calendar: calendar)
                reasons.append("No carrier answer for \(days) business days (limit \(Watchdogs.noAnswerBusinessDays))")
            }
        }
        if request.status == .focConfirmed, let foc = request.focDate {
            let today = calendar.localDate(of: now)
            if foc < today {
                reasons.append("Port date \(foc) has passed, not activated")
            } else if foc == today {
                reasons.append("Ports today (\(foc)), not activated yet")
            } else if foc <= calendar.nextBusinessDay(after: today) {
                reasons.append("Ports on the next business day (\(foc)), not activated yet")
            }
        }
        for alert in openAlerts(request, events: events) {
            reasons.append("Open ops alert: " + alert.alert.replacingOccurrences(of: "_", with: " "))
        }
        return reasons
    }
}
