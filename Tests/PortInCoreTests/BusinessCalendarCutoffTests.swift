import Foundation
import Testing
@testable import PortInCore

private func date(_ text: String) -> CivilDate { CivilDate(text)! }

/// An instant from an ISO 8601 timestamp with an explicit offset or Z.
private func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

private let eastern = BusinessCalendar.usFederal
private let pacific = BusinessCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!)

/// (instant, expected timing, expected received day) for the Eastern calendar.
private let easternCases: [(String, LSRTiming, String)] = [
    ("2026-03-10T12:59:59-04:00", .inWindow, "2026-03-10"),       // Tue, last second before cut-off
    ("2026-03-10T13:00:00-04:00", .afterCutoff, "2026-03-11"),    // the cut-off itself counts next day
    ("2026-03-10T08:00:00-04:00", .inWindow, "2026-03-10"),
    ("2026-03-10T07:59:00-04:00", .beforeWindow, "2026-03-10"),   // early: same day, not yet open
    ("2026-03-10T00:00:00-04:00", .beforeWindow, "2026-03-10"),
    ("2026-03-10T23:59:59-04:00", .afterCutoff, "2026-03-11"),
    ("2026-03-13T14:00:00-04:00", .afterCutoff, "2026-03-16"),    // Friday afternoon -> Monday
    ("2026-03-13T10:00:00-04:00", .inWindow, "2026-03-13"),
    ("2026-03-14T10:00:00-04:00", .nonBusinessDay, "2026-03-16"), // Saturday
    ("2026-07-03T10:00:00-04:00", .nonBusinessDay, "2026-07-06"), // observed Independence Day morning
    ("2026-07-02T13:30:00-04:00", .afterCutoff, "2026-07-06"),    // late before a holiday
    ("2026-01-06T17:59:59Z", .inWindow, "2026-01-06"),            // EST (UTC-5): 12:59:59 local
    ("2026-01-06T18:00:00Z", .afterCutoff, "2026-01-07"),         // 13:00 local
]

@Test(arguments: easternCases)
func easternCutOff(timestamp: String, timing: LSRTiming, expected: String) {
    #expect(eastern.lsrTiming(for: instant(timestamp)) == timing)
    #expect(eastern.receivedDay(for: instant(timestamp)) == date(expected))
}

/// Instants in UTC against a Los Angeles carrier (PDT is UTC-7 from 2026-03-08).
private let pacificCases: [(String, String, LSRTiming, String)] = [
    // (UTC instant, local date, timing, received day)
    ("2026-03-10T19:30:00Z", "2026-03-10", .inWindow, "2026-03-10"),     // 12:30 PDT (15:30 in New York)
    ("2026-03-10T20:00:00Z", "2026-03-10", .afterCutoff, "2026-03-11"),  // 13:00 PDT exactly
    ("2026-03-10T14:59:00Z", "2026-03-10", .beforeWindow, "2026-03-10"), // 07:59 PDT
    ("2026-03-11T06:30:00Z", "2026-03-10", .afterCutoff, "2026-03-11"),  // 23:30 PDT, still the 10th locally
    ("2026-03-14T02:00:00Z", "2026-03-13", .afterCutoff, "2026-03-16"),  // Fri 19:00 PDT, Saturday in UTC
    ("2026-03-14T17:00:00Z", "2026-03-14", .nonBusinessDay, "2026-03-16"),
]

@Test(arguments: pacificCases)
func pacificCutOffFromUTCInstants(timestamp: String, local: String, timing: LSRTiming, expected: String) {
    let at = instant(timestamp)
    #expect(pacific.localDate(of: at) == date(local))
    #expect(pacific.lsrTiming(for: at) == timing)
    #expect(pacific.receivedDay(for: at) == date(expected))
}

@Test func theSameInstantCountsDifferentlyByCarrierTimeZone() {
    let at = instant("2026-03-10T19:30:00Z")
    #expect(eastern.receivedDay(for: at) == date("2026-03-11"))
    #expect(pacific.receivedDay(for: at) == date("2026-03-10"))
}

@Test func aCustomWindowMovesTheCutOff() {
    let late = BusinessCalendar(lsrWindowStartHour: 9, lsrCutoffHour: 15)
    #expect(late.receivedDay(for: instant("2026-03-10T14:30:00-04:00")) == date("2026-03-10"))
    #expect(late.receivedDay(for: instant("2026-03-10T15:00:00-04:00")) == date("2026-03-11"))
    #expect(late.lsrTiming(for: instant("2026-03-10T08:30:00-04:00")) == .beforeWindow)
}
