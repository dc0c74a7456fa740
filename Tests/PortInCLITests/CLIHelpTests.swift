import Testing

@Test func helpListsTheToolGroups() async throws {
    let result = try await CLI.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("numbers"))
    #expect(result.stdout.contains("calendar"))
}
