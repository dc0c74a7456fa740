import Foundation
import Testing
@testable import PortInCore

@Suite struct PortStateMachineDiagramTests {
    /// docs/state-machine.md, found from this file's location so the test runs from any directory.
    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PortInCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("docs/state-machine.md")

    /// The `A --> B` edges of the doc's mermaid block, ignoring `[*]` start/end markers and labels.
    static func diagramEdges(in text: String) -> [[String]] {
        guard let start = text.range(of: "```mermaid"),
              let end = text.range(of: "```", range: start.upperBound..<text.endIndex) else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let edge = line.split(separator: ":", maxSplits: 1)[0]
            let parts = edge.components(separatedBy: "-->").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts.contains("[*]") else { return nil }
            return parts
        }
    }

    @Test func diagramAndTableAgree() throws {
        let text = try String(contentsOf: Self.docURL, encoding: .utf8)
        #expect(text.contains("stateDiagram-v2"))
        let edges = Self.diagramEdges(in: text)
        #expect(edges.count == Set(edges.map { $0.joined(separator: ">") }).count, "an edge is drawn twice")
        let drawn = Set(try edges.map { edge in
            let from = try #require(PortStatus(rawValue: edge[0]), "unknown status \(edge[0]) in diagram")
            let to = try #require(PortStatus(rawValue: edge[1]), "unknown status \(edge[1]) in diagram")
            return [from, to]
        })
        let table = Set(PortStateMachine.rules.map { [$0.from, $0.to] })
        #expect(drawn.subtracting(table).isEmpty, "drawn but not allowed: \(drawn.subtracting(table))")
        #expect(table.subtracting(drawn).isEmpty, "allowed but not drawn: \(table.subtracting(drawn))")
    }

    @Test func parserReadsEdgesAndSkipsMarkersAndLabels() {
        let sample = "x\n```mermaid\nstateDiagram-v2\n  [*] --> draft\n  draft --> submitted : go\n  a-->b\n  done --> [*]\n```\nc --> d\n"
        #expect(Self.diagramEdges(in: sample) == [["draft", "submitted"], ["a", "b"]])
    }
}
