import Testing

@Test func holidaysListsObservedDatesOneALine() async throws {
    let result = try await CLI.run(["calendar", "holidays", "2026"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 11)
    #expect(lines.first == "2026-01-01 New Year's Day")
    #expect(lines.contains("2026-07-03 Independence Day"))
    #expect(lines.last == "2026-12-25 Christmas Day")
    #expect(lines == lines.sorted())
}

@Test func holidaysIncludesNextYearsNewYearObservedOnDecember31() async throws {
    let result = try await CLI.run(["calendar", "holidays", "2021"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").last == "2021-12-31 New Year's Day")
    let next = try await CLI.run(["calendar", "holidays", "2022"])
    #expect(!next.stdout.contains("New Year's Day"))
}

@Test func holidaysAddsCarrierHolidays() async throws {
    let result = try await CLI.run(["calendar", "holidays", "2026", "--extra-holiday", "2026-11-27",
                              "--extra-holiday", "2026-12-24=Christmas Eve"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 13)
    #expect(lines.contains("2026-11-27 Carrier holiday"))
    #expect(lines.contains("2026-12-24 Christmas Eve"))
}

@Test(arguments: [
    (["2026-12-30", "3"], "2027-01-05"),
    (["2026-07-06", "-3"], "2026-06-30"),
    (["2026-07-02", "1"], "2026-07-06"),
    (["2026-07-04", "0"], "2026-07-04"),
    (["2026-11-25", "1", "--extra-holiday", "2026-11-27"], "2026-11-30"),
    (["2026-07-06", "-3", "--extra-holiday", "2026-07-01"], "2026-06-29"),
])
func addPrintsTheShiftedDate(arguments: [String], expected: String) async throws {
    let result = try await CLI.run(["calendar", "add"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == expected + "\n")
}

@Test(arguments: [
    (["2026-07-02", "2026-07-06"], "1"),
    (["2026-07-06", "2026-07-02"], "-1"),
    (["2026-03-04", "2026-03-04"], "0"),
    (["2025-12-31", "2026-12-31"], "250"),
    (["2026-11-25", "2026-11-30", "--extra-holiday", "2026-11-27"], "1"),
])
func betweenPrintsTheCount(arguments: [String], expected: String) async throws {
    let result = try await CLI.run(["calendar", "between"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == expected + "\n")
}

/// (arguments, text the error must contain): each names the argument and the rule.
@Test(arguments: [
    (["holidays", "1960"], "<year> must be in the years 1971-2100"),
    (["holidays", "2101"], "got 2101"),
    (["add", "2026-02-30", "1"], "<date> must be a calendar date as YYYY-MM-DD; got '2026-02-30'"),
    (["add", "07/06/2026", "1"], "<date> must be a calendar date as YYYY-MM-DD"),
    (["add", "1960-01-04", "1"], "<date> must be in the years 1971-2100"),
    (["add", "2026-07-06", "three"], "<n> must be one whole number of business days"),
    (["add", "2026-07-06"], "<n> must be one whole number of business days (negative counts back); got no value"),
    (["add", "2026-07-06", "1", "2"], "got '1 2'"),
    (["between", "2026-07-06", "2026-13-01"], "<date2> must be a calendar date as YYYY-MM-DD"),
    (["between", "2026-07-06"], "date2"),
    (["holidays", "2026", "--extra-holiday", "tomorrow"], "--extra-holiday must be a date as YYYY-MM-DD"),
])
func badInputFailsWithAMessageOnStderr(arguments: [String], message: String) async throws {
    let result = try await CLI.run(["calendar"] + arguments)
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(message), "\(result.stderr)")
}
