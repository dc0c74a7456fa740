import Foundation
import Testing

@Suite struct NumbersInspectTests {
    static let keys = ["input", "e164", "valid", "reason", "country", "type", "area_code"]

    /// The keys of a JSON object line in the order they appear.
    static func keyOrder(_ line: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return (object?.keys.map { $0 } ?? []).sorted {
            line.range(of: "\"\($0)\":")!.lowerBound < line.range(of: "\"\($1)\":")!.lowerBound
        }
    }

    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func argumentsGiveOneJSONObjectPerNumberWithExactlyTheKeysInOrder() async throws {
        let result = try await CLI.run(["numbers", "inspect", "(415) 555-2671", "+44 20 7946 0958", "(415) 555-0123"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for line in lines { #expect(Self.keyOrder(line) == Self.keys) }
        #expect(lines[0] == #"{"input":"(415) 555-2671","e164":"+14155552671","valid":true,"reason":null,"country":"US","type":"geographic","area_code":"415"}"#)
        #expect(lines[1] == #"{"input":"+44 20 7946 0958","e164":"+442079460958","valid":true,"reason":null,"country":"GB","type":"geographic","area_code":null}"#)
        #expect(lines[2] == #"{"input":"(415) 555-0123","e164":null,"valid":false,"reason":"fictional","country":"US","type":null,"area_code":"415"}"#)
    }

    @Test func stdinGivesTheSameAsArgumentsSkippingBlankLinesAndCarriageReturns() async throws {
        let args = try await CLI.run(["numbers", "inspect", "(415) 555-2671", "1-800-FLOWERS", "+44 20 7946 0958"])
        let piped = try await CLI.run(["numbers", "inspect"], stdin: "(415) 555-2671\r\n\n  \n1-800-FLOWERS\r\n+44 20 7946 0958")
        #expect(piped.status == 0)
        #expect(piped.stdout == args.stdout)
        let objects = try Self.objects(piped.stdout)
        #expect(objects.map { $0["reason"] as? String } == [nil, "contains_letters", nil])
    }

    @Test(arguments: [
        "say \"hi\"", "back\\slash", "tab\there", "bell\u{07}", "nul\u{00}x", "del\u{7F}", "caf\u{E9} +1 415 555 2671",
        "\u{1F4DE} 415-555-2671", "\u{1B}[31m",
    ])
    func oddInputIsEscapedToValidJSONThatRoundTrips(input: String) async throws {
        let result = try await CLI.run(["numbers", "inspect"], stdin: input + "\n")
        #expect(result.status == 0)
        let objects = try Self.objects(result.stdout)
        try #require(objects.count == 1)
        #expect(objects[0]["input"] as? String == input)
        #expect(objects[0]["valid"] as? Bool == false)
        #expect(!result.stdout.dropLast().contains("\n"))
        #expect(result.stdout.utf8.allSatisfy { $0 >= 0x20 || $0 == 0x0A })
    }

    @Test func invalidUTF8IsReplacedSoTheLineIsStillJSON() async throws {
        let result = try await CLI.run(["numbers", "inspect"], stdinData: Data([0x34, 0xFF, 0x31, 0x0A]))
        let objects = try Self.objects(result.stdout)
        #expect(objects.first?["input"] as? String == "4\u{FFFD}1")
    }

    @Test func tableFormatHasAlignedColumns() async throws {
        let result = try await CLI.run(["numbers", "inspect", "--format", "table"],
                                 stdin: "(415) 555-2671\n+44 20 7946 0958\n1-800-FLOWERS\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("INPUT"))
        for header in ["E164", "VALID", "REASON", "COUNTRY", "TYPE", "AREA"] {
            let column = try #require(lines[0].range(of: header)).lowerBound.utf16Offset(in: lines[0])
            for row in lines.dropFirst() {
                let index = row.index(row.startIndex, offsetBy: column)
                #expect(row[row.index(before: index)] == " ", "\(header) column starts after a space in \(row)")
                #expect(row[index] != " ", "\(header) column is filled in \(row)")
            }
        }
        #expect(lines[1].contains("+14155552671") && lines[1].contains("geographic") && lines[1].contains("415"))
        #expect(lines[3].contains("contains_letters"))
    }

    @Test func exitStatusIsZeroWhenEverythingIsInvalidAndNonZeroForUsageErrors() async throws {
        let allInvalid = try await CLI.run(["numbers", "inspect", "nope", "123"])
        #expect(allInvalid.status == 0)
        #expect(try Self.objects(allInvalid.stdout).allSatisfy { $0["valid"] as? Bool == false })
        let badFormat = try await CLI.run(["numbers", "inspect", "--format", "xml", "415-555-2671"])
        #expect(badFormat.status != 0)
        #expect(badFormat.stdout.isEmpty)
        #expect(badFormat.stderr.contains("format"))
    }

    @Test func largeStdinStreamsThrough() async throws {
        let lines = 200_000
        var text = ""
        text.reserveCapacity(lines * 15)
        for i in 0..<lines { text += "(415) 5\(String(10 + i % 90))-\(String(1000 + i % 9000))\n" }
        let result = try await CLI.run(["numbers", "inspect"], stdin: text)
        #expect(result.status == 0)
        let out = result.stdout.split(separator: "\n")
        #expect(out.count == lines)
        #expect(out.last?.contains(#""valid":true"#) == true)
    }
}
