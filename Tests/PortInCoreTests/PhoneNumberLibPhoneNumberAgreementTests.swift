import Foundation
import Testing
@testable import PortInCore

/// Our NANP verdicts against Python phonenumbers' on a fixed 20,000-input sample
/// (scripts/generate_nanp_sample.py). Every disagreement must be one of the documented kinds in
/// docs/numbers.md, and is asserted as that kind.
@Suite struct PhoneNumberLibPhoneNumberAgreementTests {
    struct Line {
        var input: String
        var valid: Bool
        var tollFree: Bool
        var region: String
    }

    /// Why we deliberately say "invalid" where libphonenumber says "valid".
    enum DocumentedDifference: Hashable {
        case fictional555
        case n11Exchange
        case exchangeStartingWith0or1
    }

    static func sample() throws -> (version: String, lines: [Line]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nanp-libphonenumber-sample.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows = text.split(separator: "\n", omittingEmptySubsequences: true)
        let header = String(rows.removeFirst())
        let lines = rows.map { row -> Line in
            let f = row.split(separator: "\t", omittingEmptySubsequences: false)
            return Line(input: String(f[0]), valid: f[1] == "1", tollFree: f[2] == "1", region: String(f[3]))
        }
        return (header, lines)
    }

    static func difference(_ line: Line, _ ours: PhoneNumberClassifier.Classification) -> DocumentedDifference? {
        guard line.valid, !ours.isValid, ours.countryCallingCode == 1, ours.nationalNumberLength == 10 else { return nil }
        let nxx = Int(ours.nationalDigits / 10_000 % 1000)
        let subscriber = Int(ours.nationalDigits % 10_000)
        switch ours.reason {
        case .fictional? where nxx == 555 && (100...199).contains(subscriber): return .fictional555
        case .invalidExchange? where nxx % 100 == 11 && nxx >= 200: return .n11Exchange
        case .invalidExchange? where nxx < 200: return .exchangeStartingWith0or1
        default: return nil
        }
    }

    @Test func sampleWasMadeWithTheLibPhoneNumberTheTableCameFrom() throws {
        let (header, lines) = try Self.sample()
        #expect(header.contains("phonenumbers \(NANPTable.shared.sourceVersion):"))
        #expect(lines.count >= 19_000)
    }

    @Test func everyLineAgreesOrIsADocumentedDifference() throws {
        let (_, lines) = try Self.sample()
        var differences: [DocumentedDifference: Int] = [:]
        var undocumented: [String] = []
        for line in lines {
            let ours = PhoneNumberClassifier.classify(line.input)
            if ours.isValid == line.valid {
                guard ours.isValid else { continue }
                if (ours.type == .tollFree) != line.tollFree || ours.region != line.region {
                    undocumented.append("\(line.input): type \(String(describing: ours.type)) \(ours.region ?? "-") vs \(line.tollFree) \(line.region)")
                }
            } else if let kind = Self.difference(line, ours) {
                differences[kind, default: 0] += 1
            } else {
                undocumented.append("\(line.input): ours \(ours.isValid) \(ours.reason?.rawValue ?? "") vs \(line.valid)")
            }
        }
        #expect(undocumented.isEmpty, "\(undocumented.count) undocumented: \(undocumented.prefix(20))")
        // The sample is built to exercise each documented difference, so each must show up.
        #expect(differences[.fictional555, default: 0] > 100)
        #expect(differences[.n11Exchange, default: 0] > 100)
        #expect(differences[.exchangeStartingWith0or1, default: 0] > 0)
    }
}
