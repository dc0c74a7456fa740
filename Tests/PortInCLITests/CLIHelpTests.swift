import Testing

@Test func helpListsTheToolGroups() throws {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("numbers"))
    #expect(result.stdout.contains("calendar"))
}
